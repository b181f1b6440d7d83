//! The compile-time `SyntaxError`s of `match` statements that CPython 3.11's compiler (not
//! its grammar) raises, with its messages, so that a program CPython refuses to compile is
//! refused here too:
//! - an irrefutable pattern (a capture `x` or the wildcard `_`, alone, through `as`, or as
//!   an alternative of `|` that is not the last) in a case without a guard that is not the
//!   last case, or as an alternative of `|` that is not the last: "name capture 'x' makes
//!   remaining patterns unreachable" / "wildcard makes remaining patterns unreachable";
//! - a name captured twice in one pattern: "multiple assignments to name 'x' in pattern";
//! - alternatives of `|` that capture different names: "alternative patterns bind
//!   different names";
//! - two starred subpatterns in a sequence pattern: "multiple starred names in sequence
//!   pattern";
//! - a keyword repeated in a class pattern: "attribute name repeated in class pattern: x";
//! - two literal keys of a mapping pattern that are equal as values (`1` and `1.0`, `True`
//!   and `1`): "mapping pattern checks duplicate key (1.0)";
//! - a capture of `__debug__`: "cannot assign to __debug__";
//! - an f-string as a value pattern (CPython's grammar refuses it, ruff's parser does not):
//!   "patterns may only match literals and attribute lookups".
//!
//! Each pattern is checked in the order CPython compiles it (its first error is the one
//! CPython reports): the rules are those of `compiler_pattern*` in CPython's `compile.c`,
//! checked against `compile()` of sample programs.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ModModule, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::{Diagnostic, DiagnosticCode};

/// The pattern errors of a module (file offsets): the first of each `case`, as CPython
/// stops at it.
pub fn match_errors(module: &ModModule) -> Vec<Diagnostic> {
    struct V(Vec<Diagnostic>);
    impl<'a> Visitor<'a> for V {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Match(m) = stmt {
                let last = m.cases.len().saturating_sub(1);
                for (i, case) in m.cases.iter().enumerate() {
                    let mut check = Check {
                        allow_irrefutable: case.guard.is_some() || i == last,
                        stores: Vec::new(),
                    };
                    if let Err(d) = check.pattern(&case.pattern) {
                        self.0.push(d);
                    }
                }
            }
            visitor::walk_stmt(self, stmt);
        }
    }
    let mut v = V(Vec::new());
    for s in &module.body {
        v.visit_stmt(s);
    }
    v.0
}

/// CPython's `pattern_context`, as far as its errors need it.
struct Check {
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// The names captured so far, in store order.
    stores: Vec<String>,
}

fn error(range: TextRange, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(DiagnosticCode::SyntaxError, range, message)
}

impl Check {
    fn store(&mut self, name: &str, range: TextRange) -> Result<(), Diagnostic> {
        if name == "__debug__" {
            return Err(error(range, "cannot assign to __debug__"));
        }
        if self.stores.iter().any(|n| n == name) {
            return Err(error(
                range,
                format!("multiple assignments to name '{name}' in pattern"),
            ));
        }
        self.stores.push(name.to_owned());
        Ok(())
    }

    /// A subpattern of a sequence, mapping or class pattern: irrefutable ones are fine.
    fn subpattern(&mut self, p: &Pattern) -> Result<(), Diagnostic> {
        let saved = std::mem::replace(&mut self.allow_irrefutable, true);
        self.pattern(p)?;
        self.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), Diagnostic> {
        match p {
            // CPython's grammar refuses an f-string here; ruff's parser takes it.
            Pattern::MatchValue(v) if matches!(&*v.value, Expr::FString(_)) => Err(error(
                v.range(),
                "patterns may only match literals and attribute lookups",
            )),
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !self.allow_irrefutable {
                        return Err(match &a.name {
                            Some(name) => error(
                                p.range(),
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    name.as_str()
                                ),
                            ),
                            None => {
                                error(p.range(), "wildcard makes remaining patterns unreachable")
                            }
                        });
                    }
                    match &a.name {
                        Some(name) => self.store(name.as_str(), name.range()),
                        None => Ok(()),
                    }
                }
                Some(inner) => {
                    self.pattern(inner)?;
                    match &a.name {
                        Some(name) => self.store(name.as_str(), name.range()),
                        None => Ok(()),
                    }
                }
            },
            Pattern::MatchStar(s) => match &s.name {
                Some(name) => self.store(name.as_str(), name.range()),
                None => Ok(()),
            },
            Pattern::MatchSequence(s) => {
                let mut stars = s
                    .patterns
                    .iter()
                    .filter(|p| matches!(p, Pattern::MatchStar(_)));
                if let (Some(_), Some(second)) = (stars.next(), stars.next()) {
                    return Err(error(
                        second.range(),
                        "multiple starred names in sequence pattern",
                    ));
                }
                for sub in &s.patterns {
                    self.subpattern(sub)?;
                }
                Ok(())
            }
            Pattern::MatchMapping(m) => {
                let mut seen: Vec<KeyConst> = Vec::new();
                for key in &m.keys {
                    if let Some(k) = KeyConst::of(key) {
                        if seen.iter().any(|s| s.equals(&k)) {
                            return Err(error(
                                key.range(),
                                format!("mapping pattern checks duplicate key ({})", k.repr()),
                            ));
                        }
                        seen.push(k);
                    }
                }
                for sub in &m.patterns {
                    self.subpattern(sub)?;
                }
                match &m.rest {
                    Some(rest) => self.store(rest.as_str(), rest.range()),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(c) => {
                let keywords = &c.arguments.keywords;
                for (i, k) in keywords.iter().enumerate() {
                    if k.attr.as_str() == "__debug__" {
                        return Err(error(k.attr.range(), "cannot assign to __debug__"));
                    }
                    if keywords[..i]
                        .iter()
                        .any(|o| o.attr.as_str() == k.attr.as_str())
                    {
                        return Err(error(
                            k.attr.range(),
                            format!(
                                "attribute name repeated in class pattern: {}",
                                k.attr.as_str()
                            ),
                        ));
                    }
                }
                for sub in c
                    .arguments
                    .patterns
                    .iter()
                    .chain(keywords.iter().map(|k| &k.pattern))
                {
                    self.subpattern(sub)?;
                }
                Ok(())
            }
            Pattern::MatchOr(o) => {
                let outer_allow = self.allow_irrefutable;
                let outer_stores = std::mem::take(&mut self.stores);
                let mut control: Option<Vec<String>> = None;
                let last = o.patterns.len().saturating_sub(1);
                for (i, alt) in o.patterns.iter().enumerate() {
                    self.stores = Vec::new();
                    self.allow_irrefutable = i == last && outer_allow;
                    self.pattern(alt)?;
                    let stores = std::mem::take(&mut self.stores);
                    match &control {
                        None => control = Some(stores),
                        Some(first) => {
                            let same = first.len() == stores.len()
                                && first.iter().all(|n| stores.contains(n));
                            if !same {
                                return Err(error(
                                    alt.range(),
                                    "alternative patterns bind different names",
                                ));
                            }
                        }
                    }
                }
                self.allow_irrefutable = outer_allow;
                self.stores = outer_stores;
                for name in control.unwrap_or_default() {
                    self.store(&name, p.range())?;
                }
                Ok(())
            }
        }
    }
}

/// The value of a literal key of a mapping pattern (CPython folds `-1` and `1+2j` to
/// constants before compiling), for the duplicate check.
#[derive(Debug)]
enum KeyConst {
    None,
    Bool(bool),
    /// A decimal integer that fits an `i128`.
    Int(i128),
    /// An integer too large for `i128`, by its literal text (equal only to itself).
    BigInt(String),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
}

impl KeyConst {
    fn of(e: &Expr) -> Option<KeyConst> {
        Some(match e {
            Expr::NoneLiteral(_) => KeyConst::None,
            Expr::BooleanLiteral(b) => KeyConst::Bool(b.value),
            Expr::StringLiteral(s) => KeyConst::Str(s.value.to_str().to_owned()),
            Expr::BytesLiteral(b) => KeyConst::Bytes(b.value.bytes().collect()),
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_u64() {
                    Some(v) => KeyConst::Int(v.into()),
                    None => KeyConst::BigInt(i.to_string()),
                },
                ast::Number::Float(f) => KeyConst::Float(*f),
                ast::Number::Complex { real, imag } => KeyConst::Complex(*real, *imag),
            },
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match KeyConst::of(&u.operand)? {
                KeyConst::Int(i) => KeyConst::Int(-i),
                KeyConst::BigInt(s) => KeyConst::BigInt(format!("-{s}")),
                KeyConst::Float(f) => KeyConst::Float(-f),
                KeyConst::Complex(re, im) => KeyConst::Complex(-re, -im),
                _ => return None,
            },
            Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
                let re = match KeyConst::of(&b.left)? {
                    KeyConst::Int(i) => i as f64,
                    KeyConst::Float(f) => f,
                    _ => return None,
                };
                let KeyConst::Complex(r2, im) = KeyConst::of(&b.right)? else {
                    return None;
                };
                if b.op == ast::Operator::Add {
                    KeyConst::Complex(re + r2, im)
                } else {
                    KeyConst::Complex(re - r2, -im)
                }
            }
            _ => return None,
        })
    }

    /// The value as a complex number, if it is a number small enough to compare that way.
    fn number(&self) -> Option<(f64, f64)> {
        match self {
            KeyConst::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
            KeyConst::Float(f) => Some((*f, 0.0)),
            KeyConst::Complex(re, im) => Some((*re, *im)),
            _ => None,
        }
    }

    /// An integer value (bools included).
    fn int(&self) -> Option<i128> {
        match self {
            KeyConst::Bool(b) => Some(i128::from(*b)),
            KeyConst::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Python's `==` between two constants.
    fn equals(&self, other: &KeyConst) -> bool {
        match (self, other) {
            (KeyConst::None, KeyConst::None) => true,
            (KeyConst::Str(a), KeyConst::Str(b)) => a == b,
            (KeyConst::Bytes(a), KeyConst::Bytes(b)) => a == b,
            (KeyConst::BigInt(a), KeyConst::BigInt(b)) => a == b,
            _ => {
                if let (Some(a), Some(b)) = (self.int(), other.int()) {
                    return a == b;
                }
                let as_complex = |k: &KeyConst| -> Option<(f64, f64)> {
                    match k.int() {
                        // Exactly representable ints compare by value with floats.
                        Some(i) if i.unsigned_abs() <= 1u128 << 53 => Some((i as f64, 0.0)),
                        Some(_) => None,
                        None => k.number(),
                    }
                };
                match (as_complex(self), as_complex(other)) {
                    (Some(a), Some(b)) => a == b,
                    _ => false,
                }
            }
        }
    }

    /// CPython's `repr` of the constant.
    fn repr(&self) -> String {
        match self {
            KeyConst::None => "None".into(),
            KeyConst::Bool(true) => "True".into(),
            KeyConst::Bool(false) => "False".into(),
            KeyConst::Int(i) => i.to_string(),
            KeyConst::BigInt(s) => s.clone(),
            KeyConst::Float(f) => float_repr(*f),
            KeyConst::Complex(re, im) => {
                let part = |x: f64| {
                    let r = float_repr(x);
                    r.strip_suffix(".0").map(str::to_owned).unwrap_or(r)
                };
                if *re == 0.0 && re.is_sign_positive() {
                    format!("{}j", part(*im))
                } else {
                    let im_text = part(*im);
                    let sign = if im_text.starts_with('-') { "" } else { "+" };
                    format!("({}{sign}{im_text}j)", part(*re))
                }
            }
            KeyConst::Str(s) => str_repr(s),
            KeyConst::Bytes(b) => bytes_repr(b),
        }
    }
}

/// Python's `repr` of a float: the shortest digits that round-trip, in positional notation
/// for decimal exponents from -4 to 15, else in scientific notation with at least two
/// exponent digits.
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `-1.2345e-7`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let rest = &digits[1..];
        let m = if rest.is_empty() {
            digits[..1].to_string()
        } else {
            format!("{}.{rest}", &digits[..1])
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    }
}

/// Python's `repr` of a str.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a bytes value.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(src: &str) -> Vec<String> {
        let parsed = molt_db::parse_python(src);
        assert!(parsed.errors().is_empty(), "{:?}", parsed.errors());
        match_errors(parsed.syntax())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    fn case(patterns: &str) -> String {
        format!("match v:\n{patterns}")
    }

    #[test]
    fn irrefutable_patterns_must_come_last() {
        assert_eq!(
            messages(&case(
                "    case x:\n        pass\n    case 1:\n        pass\n"
            )),
            ["name capture 'x' makes remaining patterns unreachable"]
        );
        assert_eq!(
            messages(&case(
                "    case _:\n        pass\n    case 1:\n        pass\n"
            )),
            ["wildcard makes remaining patterns unreachable"]
        );
        // A guard, the last case, and subpatterns make them fine.
        assert!(
            messages(&case(
                "    case x if x:\n        pass\n    case [y, _]:\n        pass\n    case z:\n        pass\n"
            ))
            .is_empty()
        );
        // Through `as`, and as an alternative that is not the last, even in the last case.
        assert_eq!(
            messages(&case(
                "    case (x as y):\n        pass\n    case 1:\n        pass\n"
            )),
            ["name capture 'x' makes remaining patterns unreachable"]
        );
        assert_eq!(
            messages(&case("    case x | 1:\n        pass\n")),
            ["name capture 'x' makes remaining patterns unreachable"]
        );
        assert_eq!(
            messages(&case("    case [_ | 1]:\n        pass\n")),
            ["wildcard makes remaining patterns unreachable"]
        );
        assert!(messages(&case("    case [1, x] | [x, 1]:\n        pass\n")).is_empty());
    }

    #[test]
    fn names_are_captured_once_and_alike_in_alternatives() {
        assert_eq!(
            messages(&case("    case [x, x]:\n        pass\n")),
            ["multiple assignments to name 'x' in pattern"]
        );
        assert_eq!(
            messages(&case("    case {'a': x, **x}:\n        pass\n")),
            ["multiple assignments to name 'x' in pattern"]
        );
        assert_eq!(
            messages(&case("    case [x, (1 | x)]:\n        pass\n")),
            ["alternative patterns bind different names"]
        );
        assert_eq!(
            messages(&case("    case [x, ([x] | [x])]:\n        pass\n")),
            ["multiple assignments to name 'x' in pattern"]
        );
        assert!(messages(&case("    case [x, y] | [y, x]:\n        pass\n")).is_empty());
        assert_eq!(
            messages(&case("    case [f\"{v}\"]:\n        pass\n")),
            ["patterns may only match literals and attribute lookups"]
        );
        assert_eq!(
            messages(&case("    case __debug__:\n        pass\n")),
            ["cannot assign to __debug__"]
        );
    }

    #[test]
    fn sequence_class_and_mapping_rules() {
        assert_eq!(
            messages(&case("    case [*a, *b]:\n        pass\n")),
            ["multiple starred names in sequence pattern"]
        );
        assert_eq!(
            messages(&case("    case P(x=1, x=2):\n        pass\n")),
            ["attribute name repeated in class pattern: x"]
        );
        assert_eq!(
            messages(&case("    case {1: a, 1.0: b}:\n        pass\n")),
            ["mapping pattern checks duplicate key (1.0)"]
        );
        assert_eq!(
            messages(&case("    case {1: a, True: b}:\n        pass\n")),
            ["mapping pattern checks duplicate key (True)"]
        );
        assert_eq!(
            messages(&case("    case {'k': a, \"k\": b}:\n        pass\n")),
            ["mapping pattern checks duplicate key ('k')"]
        );
        assert_eq!(
            messages(&case("    case {-0.0: a, 0: b}:\n        pass\n")),
            ["mapping pattern checks duplicate key (0)"]
        );
        assert_eq!(
            messages(&case("    case {1+2j: a, 1+2j: b}:\n        pass\n")),
            ["mapping pattern checks duplicate key ((1+2j))"]
        );
        assert!(
            messages(&case(
                "    case {1: a, '1': b, b'1': c, None: d}:\n        pass\n"
            ))
            .is_empty()
        );
    }

    #[test]
    fn floats_print_as_python_does() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456.789), "123456.789");
        assert_eq!(float_repr(0.0001), "0.0001");
    }
}
