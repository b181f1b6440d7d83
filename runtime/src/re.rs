//! The private module `_molt_re`: the engine behind molt's `re` module (`stdlib/re.py`).
//! A Python pattern is parsed here with CPython 3.11's syntax rules and error messages
//! (`re.error`'s text and position), and translated into the syntax of the `fancy-regex`
//! crate (a backtracking engine over `regex`, leftmost-first like CPython's `sre`), with
//! every construct whose meaning differs made explicit:
//!
//! - `\d`, `\w`, `\s` (and `\b`, `\B`, which are built from `\w`) are CPython's: decimal
//!   digits, `str.isalnum()` characters and `_`, `str.isspace()` characters, from molt's own
//!   Unicode tables (CPython 3.11's Unicode 14.0), or their ASCII forms under `re.ASCII`;
//! - `re.IGNORECASE` is resolved here: each cased literal and each set becomes the explicit
//!   set of characters `sre` accepts (it compares the first character of `lower()`, with
//!   CPython's extra equivalences such as `i`/`ı` and `s`/`ſ`), so the engine matches
//!   case-sensitively;
//! - `$` without `re.MULTILINE` also matches before a final newline, `\Z` only at the end;
//!   `^`, `\A` only at the real start (not at `pos`);
//! - every literal is written as `\x{..}`, so no character of the pattern reaches the
//!   engine's own syntax.
//!
//! What cannot be made identical is a `molt:` `NotImplementedError` at compile time
//! (`\N{...}` names, backreferences under `IGNORECASE`, sets CPython warns about).
//!
//! Offsets: the engine works on UTF-8 byte offsets, Python on code points; spans are
//! converted both ways here. Compiled patterns live in a per-thread table (one entry per
//! distinct pattern and flags, never freed: `re`'s own cache keeps them alive in CPython too).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::int::{int_from_i64, int_view};
use crate::object::{Args, Ref};
use crate::str::{as_str, is_str, str_data, str_from};
use crate::unicode_db as db;
use crate::value::Value;

/// `re.IGNORECASE`.
const F_I: u32 = 2;
/// `re.LOCALE`.
const F_L: u32 = 4;
/// `re.MULTILINE`.
const F_M: u32 = 8;
/// `re.DOTALL`.
const F_S: u32 = 16;
/// `re.UNICODE`.
const F_U: u32 = 32;
/// `re.VERBOSE`.
const F_X: u32 = 64;
/// `re.DEBUG`.
const F_DEBUG: u32 = 128;
/// `re.ASCII`.
const F_A: u32 = 256;
/// `re.TEMPLATE`.
const F_T: u32 = 1;
const TYPE_FLAGS: u32 = F_A | F_L | F_U;
const GLOBAL_FLAGS: u32 = F_DEBUG | F_T;
/// CPython's `_sre.MAXREPEAT`: an unbounded repeat's maximum.
const MAXREPEAT: u64 = 4_294_967_295;
const MAX_CHAR: u32 = 0x10_ffff;

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'i' => F_I,
        'L' => F_L,
        'm' => F_M,
        's' => F_S,
        'x' => F_X,
        'a' => F_A,
        't' => F_T,
        'u' => F_U,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Sets of code points

/// A set of code points: sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Default, Debug, PartialEq)]
struct Set(Vec<(u32, u32)>);

impl Set {
    fn from_ranges(mut r: Vec<(u32, u32)>) -> Set {
        r.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(r.len());
        for (lo, hi) in r {
            if let Some(last) = out.last_mut() {
                if lo <= last.1.saturating_add(1) {
                    last.1 = last.1.max(hi);
                    continue;
                }
            }
            out.push((lo, hi));
        }
        Set(out)
    }

    fn union(&self, other: &Set) -> Set {
        let mut r = self.0.clone();
        r.extend_from_slice(&other.0);
        Set::from_ranges(r)
    }

    fn complement(&self) -> Set {
        let mut out = Vec::new();
        let mut next = 0u32;
        for &(lo, hi) in &self.0 {
            if lo > next {
                out.push((next, lo - 1));
            }
            next = hi.saturating_add(1);
        }
        if next <= MAX_CHAR {
            out.push((next, MAX_CHAR));
        }
        Set(out)
    }

    fn difference(&self, other: &Set) -> Set {
        // a - b == not (not a or b)
        self.complement().union(other).complement()
    }

    fn contains(&self, c: u32) -> bool {
        let i = self.0.partition_point(|&(lo, _)| lo <= c);
        i > 0 && self.0[i - 1].1 >= c
    }

    fn intersects(&self, lo: u32, hi: u32) -> bool {
        let i = self.0.partition_point(|&(_, h)| h < lo);
        i < self.0.len() && self.0[i].0 <= hi
    }

    /// The set as an engine class, surrogates left out (no str holds one).
    fn to_class(&self) -> String {
        let mut out = String::from("[");
        let mut any = false;
        let mut push = |out: &mut String, lo: u32, hi: u32| {
            any = true;
            if lo == hi {
                out.push_str(&format!("\\x{{{lo:X}}}"));
            } else {
                out.push_str(&format!("\\x{{{lo:X}}}-\\x{{{hi:X}}}"));
            }
        };
        for &(lo, hi) in &self.0 {
            if hi < 0xd800 || lo > 0xdfff {
                push(&mut out, lo, hi);
            } else {
                if lo < 0xd800 {
                    push(&mut out, lo, 0xd7ff);
                }
                if hi > 0xdfff {
                    push(&mut out, 0xe000, hi);
                }
            }
        }
        if !any {
            // Matches nothing (one character wide, for look-behind widths).
            return "[^\\x{0}-\\x{10FFFF}]".to_string();
        }
        out.push(']');
        out
    }
}

/// The character classes of the escapes `\d`, `\w`, `\s`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cat {
    Digit,
    Word,
    Space,
}

/// The set of `cat` (negated: `\D`, `\W`, `\S`), Unicode or ASCII.
fn cat_set(cat: Cat, negated: bool, ascii: bool) -> Set {
    let base = if ascii {
        Set::from_ranges(match cat {
            Cat::Digit => vec![(0x30, 0x39)],
            Cat::Word => vec![(0x30, 0x39), (0x41, 0x5a), (0x5f, 0x5f), (0x61, 0x7a)],
            Cat::Space => vec![(0x09, 0x0d), (0x20, 0x20)],
        })
    } else {
        unicode_cat(cat)
    };
    if negated { base.complement() } else { base }
}

thread_local! {
    static UNI_CATS: RefCell<HashMap<u8, Rc<Set>>> = RefCell::new(HashMap::new());
    static CASE: RefCell<Option<Rc<CaseTables>>> = const { RefCell::new(None) };
    static TABLE: RefCell<Vec<Rc<Compiled>>> = const { RefCell::new(Vec::new()) };
    static BY_SOURCE: RefCell<HashMap<(String, u32), usize>> = RefCell::new(HashMap::new());
}

/// CPython's Unicode `\d` (`str.isdecimal`), `\w` (`str.isalnum` or `_`), `\s`
/// (`str.isspace`), from the runs of molt's property table.
fn unicode_cat(cat: Cat) -> Set {
    let key = cat as u8;
    if let Some(s) = UNI_CATS.with(|m| m.borrow().get(&key).cloned()) {
        return (*s).clone();
    }
    let wanted: u16 = match cat {
        Cat::Digit => db::DECIMAL,
        Cat::Word => db::ALPHA | db::DECIMAL | db::DIGIT | db::NUMERIC,
        Cat::Space => db::SPACE,
    };
    let runs = db::FLAG_RUNS;
    let mut r = Vec::new();
    for (i, &(start, fl)) in runs.iter().enumerate() {
        if fl & wanted != 0 {
            let end = runs.get(i + 1).map_or(MAX_CHAR, |n| n.0 - 1);
            r.push((start, end));
        }
    }
    if cat == Cat::Word {
        r.push((0x5f, 0x5f));
    }
    let s = Set::from_ranges(r);
    UNI_CATS.with(|m| m.borrow_mut().insert(key, Rc::new(s.clone())));
    s
}

/// The one-character case mappings `sre` uses (the first character of the full mapping)
/// and CPython's extra case equivalences (`re._casefix`), for the cased characters.
struct CaseTables {
    lower: HashMap<u32, u32>,
    upper: HashMap<u32, u32>,
    /// Characters whose case-insensitive matching can differ from exact matching: the
    /// cased ones, their mappings' images and the extra equivalences.
    special: Set,
    /// The cased characters (`lower(c) != c or upper(c) != c`).
    cased: Set,
}

/// CPython 3.11's `re._casefix._EXTRA_CASES`: lowercase characters that match each other
/// under `IGNORECASE` beyond equal lowercase forms (facts of CPython's behaviour).
const EXTRA_CASES: &[&[u32]] = &[
    &[0x69, 0x131],
    &[0x73, 0x17f],
    &[0xb5, 0x3bc],
    &[0x345, 0x3b9, 0x1fbe],
    &[0x390, 0x1fd3],
    &[0x3b0, 0x1fe3],
    &[0x3b2, 0x3d0],
    &[0x3b5, 0x3f5],
    &[0x3b8, 0x3d1],
    &[0x3ba, 0x3f0],
    &[0x3c0, 0x3d6],
    &[0x3c1, 0x3f1],
    &[0x3c2, 0x3c3],
    &[0x3c6, 0x3d5],
    &[0x432, 0x1c80],
    &[0x434, 0x1c81],
    &[0x43e, 0x1c82],
    &[0x441, 0x1c83],
    &[0x442, 0x1c84, 0x1c85],
    &[0x44a, 0x1c86],
    &[0x463, 0x1c87],
    &[0x1c88, 0xa64b],
    &[0x1e61, 0x1e9b],
    &[0xfb05, 0xfb06],
];

fn extra_cases(lo: u32) -> &'static [u32] {
    EXTRA_CASES
        .iter()
        .find(|g| g.contains(&lo))
        .copied()
        .unwrap_or(&[])
}

fn case_tables() -> Rc<CaseTables> {
    if let Some(t) = CASE.with(|c| c.borrow().clone()) {
        return t;
    }
    let first = |s: &str| s.chars().next().map_or(0, |c| c as u32);
    let mut lower = HashMap::new();
    let mut upper = HashMap::new();
    for c in 0x41..=0x5au32 {
        lower.insert(c, c + 32);
        upper.insert(c + 32, c);
    }
    for &(cp, m) in db::LOWER_MAP {
        if first(m) != cp {
            lower.insert(cp, first(m));
        }
    }
    for &(cp, m) in db::UPPER_MAP {
        if first(m) != cp {
            upper.insert(cp, first(m));
        }
    }
    let mut cased: Vec<(u32, u32)> = lower.keys().chain(upper.keys()).map(|&c| (c, c)).collect();
    let cased = Set::from_ranges(std::mem::take(&mut cased));
    let mut special: Vec<(u32, u32)> = cased.0.clone();
    special.extend(lower.values().chain(upper.values()).map(|&c| (c, c)));
    for g in EXTRA_CASES {
        special.extend(g.iter().map(|&c| (c, c)));
    }
    let t = Rc::new(CaseTables {
        lower,
        upper,
        special: Set::from_ranges(special),
        cased,
    });
    CASE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// An item of a character set, as CPython's parser keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    Lit(u32),
    Range(u32, u32),
    Cat(Cat, bool),
}

/// The characters a set of `items` (negated or not) matches under `flags`, as `sre`
/// decides it (for `IGNORECASE`, `_compiler._optimize_charset` and the `*_IGNORE` opcodes).
fn class_set(items: &[Item], negate: bool, flags: u32) -> Set {
    let ascii = flags & F_A != 0;
    let plain_of = |items: &[Item]| {
        let mut r = Vec::new();
        let mut s = Set::default();
        for it in items {
            match *it {
                Item::Lit(c) => r.push((c, c)),
                Item::Range(lo, hi) => r.push((lo, hi)),
                Item::Cat(cat, neg) => s = s.union(&cat_set(cat, neg, ascii)),
            }
        }
        Set::from_ranges(r).union(&s)
    };
    let plain = plain_of(items);
    let effective = if negate { plain.complement() } else { plain };
    if flags & F_I == 0 {
        return effective;
    }
    if ascii {
        return ascii_ignorecase(items, negate, effective);
    }
    let t = case_tables();
    let lower = |c: u32| t.lower.get(&c).copied().unwrap_or(c);
    let upper = |c: u32| t.upper.get(&c).copied().unwrap_or(c);
    let hascased = items.iter().any(|it| match *it {
        Item::Lit(c) => t.cased.contains(c),
        Item::Range(lo, hi) => t.cased.intersects(lo, hi),
        Item::Cat(..) => false,
    });
    if !hascased {
        return effective;
    }
    // The lowered BMP part (`charmap`) and the rest (`tail`).
    let mut map: Vec<(u32, u32)> = Vec::new();
    let mut tail: Vec<Item> = Vec::new();
    let add_lowered = |map: &mut Vec<(u32, u32)>, c: u32| {
        let lo = lower(c);
        map.push((lo, lo));
        for &k in extra_cases(lo) {
            map.push((k, k));
        }
    };
    for it in items {
        match *it {
            Item::Lit(c) if lower(c) <= 0xffff => add_lowered(&mut map, c),
            Item::Lit(c) => tail.push(Item::Lit(c)),
            Item::Range(lo, hi) => {
                let bmp_hi = hi.min(0xffff);
                if lo <= bmp_hi {
                    // Uncased characters lower to themselves.
                    map.extend(Set(vec![(lo, bmp_hi)]).difference(&t.cased).0);
                    for &(a, b) in &t.cased.0 {
                        for c in a.max(lo)..=b.min(bmp_hi) {
                            add_lowered(&mut map, c);
                        }
                    }
                }
                if hi > 0xffff {
                    tail.push(Item::Range(lo, hi));
                }
            }
            Item::Cat(..) => tail.push(*it),
        }
    }
    let map = Set::from_ranges(map);
    let in_map = |x: u32| -> bool {
        let lo = lower(x);
        if map.contains(lo) {
            return true;
        }
        tail.iter().any(|it| match *it {
            Item::Lit(c) => lo == c,
            Item::Range(a, b) => (a..=b).contains(&lo) || (a..=b).contains(&upper(lo)),
            Item::Cat(cat, neg) => cat_set(cat, neg, false).contains(lo),
        })
    };
    let mut matched = Vec::new();
    for &(a, b) in &t.special.0 {
        for x in a..=b {
            if in_map(x) != negate {
                matched.push((x, x));
            }
        }
    }
    effective
        .difference(&t.special)
        .union(&Set::from_ranges(matched))
}

/// `IGNORECASE` with `ASCII`: only ASCII letters fold.
fn ascii_ignorecase(items: &[Item], negate: bool, effective: Set) -> Set {
    let fold = |c: u32| {
        if (0x41..=0x5a).contains(&c) {
            c + 32
        } else {
            c
        }
    };
    let letters = Set::from_ranges(vec![(0x41, 0x5a), (0x61, 0x7a)]);
    let hascased = items.iter().any(|it| match *it {
        Item::Lit(c) => letters.contains(c),
        Item::Range(lo, hi) => letters.intersects(lo, hi),
        Item::Cat(..) => false,
    });
    if !hascased {
        return effective;
    }
    let mut lowered = Vec::new();
    let mut cats = Set::default();
    for it in items {
        match *it {
            Item::Lit(c) => lowered.push((fold(c), fold(c))),
            Item::Range(lo, hi) => {
                lowered.push((lo, hi));
                for c in lo.max(0x41)..=hi.min(0x5a) {
                    lowered.push((c + 32, c + 32));
                }
            }
            Item::Cat(cat, neg) => cats = cats.union(&cat_set(cat, neg, true)),
        }
    }
    let lowered = Set::from_ranges(lowered);
    let mut matched = Vec::new();
    for x in (0x41..=0x5a).chain(0x61..=0x7a) {
        let lo = fold(x);
        if (lowered.contains(lo) || cats.contains(lo)) != negate {
            matched.push((x, x));
        }
    }
    effective
        .difference(&letters)
        .union(&Set::from_ranges(matched))
}

// ---------------------------------------------------------------------------------------
// The parser and translator

/// Why a pattern does not compile.
enum Fail {
    /// `re.error(msg)` at a position of the pattern (code points), or without one.
    Error(String, Option<usize>),
    /// CPython's `OverflowError` (a repeat count too large).
    Overflow(String),
    /// CPython's `ValueError` (incompatible flags).
    Value(String),
    /// Valid in CPython, not supported by molt: a `molt:` `NotImplementedError`.
    Unsupported(String),
}

type PR<T> = Result<T, Fail>;

/// A token: a character, or `\` and the character after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Tok {
    c: char,
    esc: bool,
}

impl Tok {
    fn is(self, c: char) -> bool {
        !self.esc && self.c == c
    }
    fn len(self) -> usize {
        if self.esc { 2 } else { 1 }
    }
    fn text(self) -> String {
        if self.esc {
            format!("\\{}", self.c)
        } else {
            self.c.to_string()
        }
    }
}

/// What an item of a sequence is, for the repeat checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    /// An `AT` code (`^`, `$`, `\A`, `\Z`, `\b`, `\B`): "nothing to repeat".
    At,
    /// A repeat: "multiple repeat".
    Repeat,
}

/// Minimum and maximum width in characters (`MAXREPEAT` for unbounded).
type Width = (u64, u64);

struct Parser {
    p: Vec<char>,
    /// Index of the next token.
    i: usize,
    /// Capture groups opened so far.
    groups: usize,
    names: Vec<(String, usize)>,
    /// Widths of the closed groups (`None` while open), index 0 unused.
    widths: Vec<Option<Width>>,
    lookbehind_groups: Option<usize>,
    /// Group numbers referenced by conditionals, with the position of the reference.
    grouprefpos: Vec<(usize, usize)>,
    /// An error CPython's compiler (after parsing) reports.
    deferred: Option<Fail>,
    /// The capture groups open at this point, innermost last.
    open: Vec<usize>,
    /// The capture group enclosing each group (0: none), index 0 unused.
    parents: Vec<usize>,
    out: String,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> PR<T> {
    Err(Fail::Error(msg.into(), Some(pos)))
}

fn py_repr(s: &str) -> String {
    crate::str::repr_text(s, false)
}

fn is_identifier(s: &str) -> bool {
    crate::unicode::is_identifier(s)
}

fn sat_mul(a: u64, b: u64) -> u64 {
    a.saturating_mul(b).min(MAXREPEAT)
}

impl Parser {
    fn peek(&self) -> Option<Tok> {
        let c = *self.p.get(self.i)?;
        if c == '\\' {
            // `check_next` made sure a character follows.
            let d = *self.p.get(self.i + 1)?;
            return Some(Tok { c: d, esc: true });
        }
        Some(Tok { c, esc: false })
    }

    /// After moving: a final lone backslash is CPython's tokenizer error.
    fn check_next(&self) -> PR<()> {
        if self.p.get(self.i) == Some(&'\\') && self.i + 1 == self.p.len() {
            return err("bad escape (end of pattern)", self.p.len() - 1);
        }
        Ok(())
    }

    fn get(&mut self) -> PR<Option<Tok>> {
        let t = self.peek();
        if let Some(t) = t {
            self.i += t.len();
            self.check_next()?;
        }
        Ok(t)
    }

    fn matches(&mut self, c: char) -> PR<bool> {
        if self.peek().is_some_and(|t| t.is(c)) {
            self.get()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn tell(&self) -> usize {
        self.i
    }

    fn getwhile(&mut self, n: usize, ok: impl Fn(char) -> bool) -> PR<String> {
        let mut s = String::new();
        for _ in 0..n {
            match self.peek() {
                Some(t) if !t.esc && ok(t.c) => {
                    s.push(t.c);
                    self.get()?;
                }
                _ => break,
            }
        }
        Ok(s)
    }

    fn getuntil(&mut self, term: char, name: &str) -> PR<String> {
        let mut s = String::new();
        loop {
            let t = self.get()?;
            match t {
                None => {
                    if s.is_empty() {
                        return err(format!("missing {name}"), self.tell());
                    }
                    return err(
                        format!("missing {term}, unterminated name"),
                        self.tell() - s.chars().count(),
                    );
                }
                Some(t) if t.is(term) => {
                    if s.is_empty() {
                        return err(format!("missing {name}"), self.tell() - 1);
                    }
                    return Ok(s);
                }
                Some(t) => s.push_str(&t.text()),
            }
        }
    }

    fn check_group_name(&self, name: &str, offset: usize) -> PR<()> {
        if !is_identifier(name) {
            return err(
                format!("bad character in group name {}", py_repr(name)),
                self.tell() - name.chars().count() - offset,
            );
        }
        Ok(())
    }

    fn checkgroup(&self, gid: usize) -> bool {
        gid <= self.groups && self.widths.get(gid).is_some_and(|w| w.is_some())
    }

    fn check_lookbehind_group(&self, gid: usize) -> PR<()> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.checkgroup(gid) {
                return err("cannot refer to an open group", self.tell());
            }
            if gid > lb {
                return err(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    self.tell(),
                );
            }
        }
        Ok(())
    }

    /// An alternation, written to `out`; its width.
    fn parse_sub(&mut self, flags: u32, verbose: bool, nested: usize) -> PR<Width> {
        let mut width: Option<Width> = None;
        let mut first_alt = true;
        loop {
            let w = self.parse_seq(flags, verbose, nested + 1, nested == 0 && first_alt)?;
            width = Some(match width {
                None => w,
                Some((lo, hi)) => (lo.min(w.0), hi.max(w.1)),
            });
            first_alt = false;
            if !self.matches('|')? {
                break;
            }
            self.out.push('|');
        }
        Ok(width.unwrap_or((0, 0)))
    }

    fn lit(&self, c: u32, flags: u32) -> String {
        if flags & F_I != 0 {
            let set = class_set(&[Item::Lit(c)], false, flags);
            if set.0 != [(c, c)] {
                return set.to_class();
            }
        }
        if c > MAX_CHAR || (0xd800..=0xdfff).contains(&c) {
            return Set::default().to_class();
        }
        format!("\\x{{{c:X}}}")
    }

    fn word_class(flags: u32) -> String {
        cat_set(Cat::Word, false, flags & F_A != 0).to_class()
    }

    /// A sequence, written to `out`; its width.
    fn parse_seq(&mut self, flags: u32, verbose: bool, nested: usize, first: bool) -> PR<Width> {
        // (start in `out`, kind, width) of each item, and how many groups came before it.
        let mut items: Vec<(usize, Kind, Width, usize)> = Vec::new();
        loop {
            let Some(this) = self.peek() else { break };
            if this.is('|') || this.is(')') {
                break;
            }
            self.get()?;
            if verbose && !this.esc {
                if " \t\n\r\x0b\x0c".contains(this.c) {
                    continue;
                }
                if this.c == '#' {
                    loop {
                        match self.get()? {
                            None => break,
                            Some(t) if t.is('\n') => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
            let start = self.out.len();
            let before = self.groups;
            if this.esc {
                let (kind, w) = self.escape(this, flags)?;
                items.push((start, kind, w, before));
                continue;
            }
            match this.c {
                '[' => {
                    let w = self.class(flags)?;
                    items.push((start, Kind::Plain, w, before));
                }
                '*' | '+' | '?' | '{' => {
                    let here = self.tell();
                    let (min, max) = match this.c {
                        '?' => (0, 1),
                        '*' => (0, MAXREPEAT),
                        '+' => (1, MAXREPEAT),
                        _ => {
                            if self.peek().is_some_and(|t| t.is('}')) {
                                let s = self.lit('{' as u32, flags);
                                self.out.push_str(&s);
                                items.push((start, Kind::Plain, (1, 1), before));
                                continue;
                            }
                            let digit = |c: char| c.is_ascii_digit();
                            let lo = self.getwhile(usize::MAX, digit)?;
                            let hi = if self.matches(',')? {
                                Some(self.getwhile(usize::MAX, digit)?)
                            } else {
                                None
                            };
                            if !self.matches('}')? {
                                self.i = here;
                                self.check_next()?;
                                let s = self.lit('{' as u32, flags);
                                self.out.push_str(&s);
                                items.push((start, Kind::Plain, (1, 1), before));
                                continue;
                            }
                            let hi = hi.unwrap_or_else(|| lo.clone());
                            let num = |s: &str| -> PR<u64> {
                                match s.parse::<u64>() {
                                    Ok(n) if n < MAXREPEAT => Ok(n),
                                    _ => Err(Fail::Overflow(
                                        "the repetition number is too large".into(),
                                    )),
                                }
                            };
                            let min = if lo.is_empty() { 0 } else { num(&lo)? };
                            let max = if hi.is_empty() { MAXREPEAT } else { num(&hi)? };
                            if !hi.is_empty() && max < min {
                                return err("min repeat greater than max repeat", here);
                            }
                            (min, max)
                        }
                    };
                    let at = here - this.len();
                    let Some(&(istart, kind, w, ibefore)) = items.last() else {
                        return err("nothing to repeat", at);
                    };
                    match kind {
                        Kind::At => return err("nothing to repeat", at),
                        Kind::Repeat => return err("multiple repeat", at),
                        Kind::Plain => {}
                    }
                    let lazy = self.matches('?')?;
                    let possessive = !lazy && self.matches('+')?;
                    let q = match (min, max) {
                        (0, MAXREPEAT) => "*".to_string(),
                        (1, MAXREPEAT) => "+".to_string(),
                        (0, 1) => "?".to_string(),
                        (m, MAXREPEAT) => format!("{{{m},}}"),
                        (m, n) if m == n => format!("{{{m}}}"),
                        (m, n) => format!("{{{m},{n}}}"),
                    };
                    let body = self.out.split_off(istart);
                    let repeated = if w.1 == 0 {
                        // A zero-width body: sre stops a loop at an iteration that does not
                        // advance, so it runs at most once (the engine refuses to repeat it).
                        match (min, lazy) {
                            (0, false) => format!("(?:{body}|)"),
                            (0, true) => format!("(?:|{body})"),
                            _ => format!("(?:{body})"),
                        }
                    } else {
                        if w.0 == 0 && max > min && max > 1 && self.groups > ibefore {
                            // sre keeps the captures of a final empty iteration beyond the
                            // minimum; the engine does not run one.
                            return Err(Fail::Unsupported(
                                "molt: a repeated group that can match the empty string and contains a capture group is not supported yet".into(),
                            ));
                        }
                        format!("(?:{body}){q}{}", if lazy { "?" } else { "" })
                    };
                    if possessive {
                        self.out.push_str(&format!("(?>{repeated})"));
                    } else {
                        self.out.push_str(&repeated);
                    }
                    let nw = (
                        sat_mul(w.0, min),
                        if max == MAXREPEAT && w.1 > 0 {
                            MAXREPEAT
                        } else {
                            sat_mul(w.1, max)
                        },
                    );
                    items.pop();
                    items.push((istart, Kind::Repeat, nw, ibefore));
                }
                '.' => {
                    self.out
                        .push_str(if flags & F_S != 0 { "(?s:.)" } else { "[^\\n]" });
                    items.push((start, Kind::Plain, (1, 1), before));
                }
                '(' => {
                    if let Some(w) =
                        self.group(flags, verbose, nested, first && items.is_empty())?
                    {
                        items.push((start, Kind::Plain, w, before));
                    }
                }
                '^' => {
                    self.out
                        .push_str(if flags & F_M != 0 { "(?m:^)" } else { "\\A" });
                    items.push((start, Kind::At, (0, 0), before));
                }
                '$' => {
                    self.out.push_str(if flags & F_M != 0 {
                        "(?m:$)"
                    } else {
                        "(?=\\n?\\z)"
                    });
                    items.push((start, Kind::At, (0, 0), before));
                }
                c => {
                    let s = self.lit(c as u32, flags);
                    self.out.push_str(&s);
                    items.push((start, Kind::Plain, (1, 1), before));
                }
            }
        }
        let mut w: Width = (0, 0);
        for (_, _, iw, _) in items {
            w = ((w.0 + iw.0).min(MAXREPEAT), (w.1 + iw.1).min(MAXREPEAT));
        }
        Ok(w)
    }

    /// A group after its `(`; `None` for a comment or global flags (no item).
    fn group(
        &mut self,
        flags: u32,
        verbose: bool,
        nested: usize,
        first: bool,
    ) -> PR<Option<Width>> {
        let start = self.tell() - 1;
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<String> = None;
        let mut sub_flags = flags;
        let mut sub_verbose = verbose;
        if self.matches('?')? {
            let Some(ch) = self.get()? else {
                return err("unexpected end of pattern", self.tell());
            };
            match (ch.esc, ch.c) {
                (false, 'P') => {
                    if self.matches('<')? {
                        let n = self.getuntil('>', "group name")?;
                        self.check_group_name(&n, 1)?;
                        name = Some(n);
                    } else if self.matches('=')? {
                        let n = self.getuntil(')', "group name")?;
                        self.check_group_name(&n, 1)?;
                        let off = n.chars().count() + 1;
                        let Some(gid) = self.names.iter().find(|(k, _)| *k == n).map(|x| x.1)
                        else {
                            return err(
                                format!("unknown group name {}", py_repr(&n)),
                                self.tell() - off,
                            );
                        };
                        if !self.checkgroup(gid) {
                            return err("cannot refer to an open group", self.tell() - off);
                        }
                        self.check_lookbehind_group(gid)?;
                        self.backref(gid, flags)?;
                        return Ok(Some(self.widths[gid].unwrap_or((0, MAXREPEAT))));
                    } else {
                        let Some(c) = self.get()? else {
                            return err("unexpected end of pattern", self.tell());
                        };
                        return err(
                            format!("unknown extension ?P{}", c.text()),
                            self.tell() - c.len() - 2,
                        );
                    }
                }
                (false, ':') => capture = false,
                (false, '#') => {
                    loop {
                        if self.peek().is_none() {
                            return err("missing ), unterminated comment", start);
                        }
                        if self.get()?.is_some_and(|t| t.is(')')) {
                            break;
                        }
                    }
                    return Ok(None);
                }
                (false, '=' | '!' | '<') => {
                    let mut kind = ch.c;
                    let mut behind = false;
                    let saved_lb = self.lookbehind_groups;
                    if kind == '<' {
                        let Some(c) = self.get()? else {
                            return err("unexpected end of pattern", self.tell());
                        };
                        if !(c.is('=') || c.is('!')) {
                            return err(
                                format!("unknown extension ?<{}", c.text()),
                                self.tell() - c.len() - 2,
                            );
                        }
                        kind = c.c;
                        behind = true;
                        if self.lookbehind_groups.is_none() {
                            self.lookbehind_groups = Some(self.groups);
                        }
                    }
                    let open = match (behind, kind) {
                        (false, '=') => "(?=",
                        (false, _) => "(?!",
                        (true, '=') => "(?<=",
                        (true, _) => "(?<!",
                    };
                    self.out.push_str(open);
                    let w = self.parse_sub(flags, verbose, nested + 1)?;
                    if behind {
                        self.lookbehind_groups = saved_lb;
                    }
                    if !self.matches(')')? {
                        return err("missing ), unterminated subpattern", start);
                    }
                    self.out.push(')');
                    if behind && w.0 != w.1 && self.deferred.is_none() {
                        self.deferred = Some(Fail::Error(
                            "look-behind requires fixed-width pattern".into(),
                            None,
                        ));
                    }
                    return Ok(Some((0, 0)));
                }
                (false, '(') => {
                    let cond = self.getuntil(')', "group name")?;
                    let off = cond.chars().count() + 1;
                    let gid = if is_identifier(&cond) {
                        match self.names.iter().find(|(k, _)| *k == cond) {
                            Some(&(_, g)) => g,
                            None => {
                                return err(
                                    format!("unknown group name {}", py_repr(&cond)),
                                    self.tell() - off,
                                );
                            }
                        }
                    } else {
                        let Ok(g) = cond.parse::<u64>() else {
                            return err(
                                format!("bad character in group name {}", py_repr(&cond)),
                                self.tell() - off,
                            );
                        };
                        if !cond.bytes().all(|b| b.is_ascii_digit()) {
                            return err(
                                format!("bad character in group name {}", py_repr(&cond)),
                                self.tell() - off,
                            );
                        }
                        if g == 0 {
                            return err("bad group number", self.tell() - off);
                        }
                        if g >= 1 << 30 {
                            return err(format!("invalid group reference {g}"), self.tell() - off);
                        }
                        let g = g as usize;
                        if !self.grouprefpos.iter().any(|&(x, _)| x == g) {
                            self.grouprefpos.push((g, self.tell() - off));
                        }
                        g
                    };
                    self.check_lookbehind_group(gid)?;
                    if flags & F_I != 0 {
                        // Fine: no comparison of text is involved.
                    }
                    self.out.push_str(&format!("(?({gid})"));
                    let yes = self.parse_seq(flags, verbose, nested + 1, false)?;
                    let mut w = yes;
                    if self.matches('|')? {
                        self.out.push('|');
                        let no = self.parse_seq(flags, verbose, nested + 1, false)?;
                        if self.peek().is_some_and(|t| t.is('|')) {
                            return err(
                                "conditional backref with more than two branches",
                                self.tell(),
                            );
                        }
                        w = (w.0.min(no.0), w.1.max(no.1));
                    } else {
                        w = (0, w.1);
                    }
                    if !self.matches(')')? {
                        return err("missing ), unterminated subpattern", start);
                    }
                    self.out.push(')');
                    return Ok(Some(w));
                }
                (false, '>') => {
                    capture = false;
                    atomic = true;
                }
                (false, c) if flag_of(c).is_some() || c == '-' => {
                    match self.parse_flags(c)? {
                        None => {
                            if !first {
                                return err(
                                    "global flags not at the start of the expression",
                                    start,
                                );
                            }
                            // Applied before parsing (`leading_flags`).
                            return Ok(None);
                        }
                        Some((add, del)) => {
                            capture = false;
                            let mut f = flags;
                            if add & TYPE_FLAGS != 0 {
                                f &= !TYPE_FLAGS;
                            }
                            sub_flags = (f | add) & !del;
                            sub_verbose = (verbose || add & F_X != 0) && del & F_X == 0;
                        }
                    }
                }
                _ => {
                    return err(
                        format!("unknown extension ?{}", ch.text()),
                        self.tell() - ch.len() - 1,
                    );
                }
            }
        }
        let gid = if capture {
            self.groups += 1;
            let gid = self.groups;
            self.widths.push(None);
            if let Some(n) = &name {
                if let Some(&(_, old)) = self.names.iter().find(|(k, _)| k == n) {
                    return err(
                        format!(
                            "redefinition of group name {} as group {gid}; was group {old}",
                            py_repr(n)
                        ),
                        self.tell() - n.chars().count() - 1,
                    );
                }
                self.names.push((n.clone(), gid));
            }
            self.out.push('(');
            self.parents.push(self.open.last().copied().unwrap_or(0));
            self.open.push(gid);
            Some(gid)
        } else {
            self.out.push_str(if atomic { "(?>" } else { "(?:" });
            None
        };
        let w = self.parse_sub(sub_flags, sub_verbose, nested + 1)?;
        if !self.matches(')')? {
            return err("missing ), unterminated subpattern", start);
        }
        self.out.push(')');
        if let Some(g) = gid {
            self.widths[g] = Some(w);
            self.open.pop();
        }
        Ok(Some(w))
    }

    /// The flags of `(?...` after its first character `c`: `None` for global flags
    /// (`(?i)`), else the flags turned on and off for the group.
    fn parse_flags(&mut self, mut c: char) -> PR<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        if c != '-' {
            loop {
                let f = flag_of(c).unwrap_or(0);
                if c == 'L' {
                    return err(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.tell(),
                    );
                }
                add |= f;
                if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                    return err(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        self.tell(),
                    );
                }
                let Some(t) = self.get()? else {
                    return err("missing -, : or )", self.tell());
                };
                if !t.esc && ")-:".contains(t.c) {
                    c = t.c;
                    break;
                }
                if t.esc || flag_of(t.c).is_none() {
                    let msg = if !t.esc && t.c.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return err(msg, self.tell() - t.len());
                }
                c = t.c;
            }
        }
        if c == ')' {
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return err(
                "bad inline flags: cannot turn on global flag",
                self.tell() - 1,
            );
        }
        if c == '-' {
            let Some(t) = self.get()? else {
                return err("missing flag", self.tell());
            };
            if t.esc || flag_of(t.c).is_none() {
                let msg = if !t.esc && t.c.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return err(msg, self.tell() - t.len());
            }
            let mut c = t.c;
            loop {
                let f = flag_of(c).unwrap_or(0);
                if f & TYPE_FLAGS != 0 {
                    return err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.tell(),
                    );
                }
                del |= f;
                let Some(t) = self.get()? else {
                    return err("missing :", self.tell());
                };
                if t.is(':') {
                    break;
                }
                if t.esc || flag_of(t.c).is_none() {
                    let msg = if !t.esc && t.c.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing :"
                    };
                    return err(msg, self.tell() - t.len());
                }
                c = t.c;
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return err(
                "bad inline flags: cannot turn off global flag",
                self.tell() - 1,
            );
        }
        if add & del != 0 {
            return err("bad inline flags: flag turned on and off", self.tell() - 1);
        }
        Ok(Some((add, del)))
    }

    fn backref(&mut self, gid: usize, flags: u32) -> PR<()> {
        if flags & F_I != 0 {
            return Err(Fail::Unsupported(
                "molt: backreferences under re.IGNORECASE are not supported yet".into(),
            ));
        }
        self.out.push_str(&format!("\\{gid}"));
        Ok(())
    }

    /// An escape outside a set: `(kind, width)` of the item it writes.
    fn escape(&mut self, t: Tok, flags: u32) -> PR<(Kind, Width)> {
        let ascii = flags & F_A != 0;
        let at = |s: &mut Parser, text: String| {
            s.out.push_str(&text);
            Ok((Kind::At, (0, 0)))
        };
        match t.c {
            'A' => return at(self, "\\A".into()),
            'Z' => return at(self, "\\z".into()),
            'b' | 'B' => {
                let w = Self::word_class(flags);
                let text = if t.c == 'b' {
                    format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
                } else {
                    format!("(?!\\A\\z)(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
                };
                return at(self, text);
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                let cat = match t.c.to_ascii_lowercase() {
                    'd' => Cat::Digit,
                    'w' => Cat::Word,
                    _ => Cat::Space,
                };
                let neg = t.c.is_ascii_uppercase();
                let set = class_set(&[Item::Cat(cat, neg)], false, flags);
                let _ = ascii;
                self.out.push_str(&set.to_class());
                return Ok((Kind::Plain, (1, 1)));
            }
            _ => {}
        }
        if let Some(c) = simple_escape(t.c) {
            let s = self.lit(c, flags);
            self.out.push_str(&s);
            return Ok((Kind::Plain, (1, 1)));
        }
        let escape_start = self.tell() - 2;
        let c = match t.c {
            'x' | 'u' | 'U' => self.hex_escape(t.c)?,
            'N' => {
                return Err(Fail::Unsupported(
                    "molt: \\N{...} escapes in patterns are not supported yet".into(),
                ));
            }
            '0' => {
                let digits = self.getwhile(2, |c| ('0'..='7').contains(&c))?;
                u32::from_str_radix(&format!("0{digits}"), 8).unwrap_or(0)
            }
            '1'..='9' => {
                let mut text = t.c.to_string();
                if self.peek().is_some_and(|n| !n.esc && n.c.is_ascii_digit()) {
                    let Some(d) = self.get()? else {
                        unreachable_none()?
                    };
                    text.push(d.c);
                    let oct = |c: char| ('0'..='7').contains(&c);
                    let b: Vec<char> = text.chars().collect();
                    if oct(b[0]) && oct(b[1]) && self.peek().is_some_and(|n| !n.esc && oct(n.c)) {
                        let Some(d) = self.get()? else {
                            unreachable_none()?
                        };
                        text.push(d.c);
                        let v = u32::from_str_radix(&text, 8).unwrap_or(0);
                        if v > 0o377 {
                            return err(
                                format!("octal escape value \\{text} outside of range 0-0o377"),
                                escape_start,
                            );
                        }
                        let s = self.lit(v, flags);
                        self.out.push_str(&s);
                        return Ok((Kind::Plain, (1, 1)));
                    }
                }
                let group: usize = text.parse().unwrap_or(0);
                if group <= self.groups {
                    if !self.checkgroup(group) {
                        return err("cannot refer to an open group", escape_start);
                    }
                    self.check_lookbehind_group(group)?;
                    self.backref(group, flags)?;
                    return Ok((Kind::Plain, self.widths[group].unwrap_or((0, MAXREPEAT))));
                }
                return err(format!("invalid group reference {group}"), escape_start + 1);
            }
            c if c.is_ascii_alphabetic() => {
                return err(format!("bad escape \\{c}"), escape_start);
            }
            c => c as u32,
        };
        let s = self.lit(c, flags);
        self.out.push_str(&s);
        Ok((Kind::Plain, (1, 1)))
    }

    /// `\x..`, `\u....`, `\U........` after the letter: the code point.
    fn hex_escape(&mut self, letter: char) -> PR<u32> {
        let start = self.tell() - 2;
        let n = match letter {
            'x' => 2,
            'u' => 4,
            _ => 8,
        };
        let digits = self.getwhile(n, |c| c.is_ascii_hexdigit())?;
        if digits.len() != n {
            return err(format!("incomplete escape \\{letter}{digits}"), start);
        }
        let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
        if v > MAX_CHAR {
            return err(format!("bad escape \\{letter}{digits}"), start);
        }
        Ok(v)
    }

    /// A set after its `[`: written to `out` as one engine class.
    fn class(&mut self, flags: u32) -> PR<Width> {
        let here = self.tell() - 1;
        if self.peek().is_some_and(|t| t.is('[')) {
            return Err(nested_set_warning());
        }
        let negate = self.matches('^')?;
        let mut items: Vec<Item> = Vec::new();
        loop {
            let Some(this) = self.get()? else {
                return err("unterminated character set", here);
            };
            if this.is(']') && !items.is_empty() {
                break;
            }
            let code1 = if this.esc {
                self.class_escape(this)?
            } else {
                if !items.is_empty()
                    && "-&~|".contains(this.c)
                    && self.peek().is_some_and(|n| n.is(this.c))
                {
                    return Err(nested_set_warning());
                }
                Item::Lit(this.c as u32)
            };
            if self.matches('-')? {
                let Some(that) = self.get()? else {
                    return err("unterminated character set", here);
                };
                if that.is(']') {
                    items.push(code1);
                    items.push(Item::Lit('-' as u32));
                    break;
                }
                let code2 = if that.esc {
                    self.class_escape(that)?
                } else {
                    if that.c == '-' {
                        return Err(nested_set_warning());
                    }
                    Item::Lit(that.c as u32)
                };
                let bad = format!("bad character range {}-{}", this.text(), that.text());
                let at = self.tell() - this.len() - 1 - that.len();
                match (code1, code2) {
                    (Item::Lit(lo), Item::Lit(hi)) => {
                        if hi < lo {
                            return err(bad, at);
                        }
                        items.push(Item::Range(lo, hi));
                    }
                    _ => return err(bad, at),
                }
            } else {
                items.push(code1);
            }
        }
        let set = class_set(&items, negate, flags);
        self.out.push_str(&set.to_class());
        Ok((1, 1))
    }

    fn class_escape(&mut self, t: Tok) -> PR<Item> {
        if let Some(c) = simple_escape(t.c) {
            return Ok(Item::Lit(c));
        }
        if t.c == 'b' {
            return Ok(Item::Lit(8));
        }
        let start = self.tell() - 2;
        Ok(match t.c {
            'd' => Item::Cat(Cat::Digit, false),
            'D' => Item::Cat(Cat::Digit, true),
            'w' => Item::Cat(Cat::Word, false),
            'W' => Item::Cat(Cat::Word, true),
            's' => Item::Cat(Cat::Space, false),
            'S' => Item::Cat(Cat::Space, true),
            'x' | 'u' | 'U' => Item::Lit(self.hex_escape(t.c)?),
            'N' => {
                return Err(Fail::Unsupported(
                    "molt: \\N{...} escapes in patterns are not supported yet".into(),
                ));
            }
            '0'..='7' => {
                let digits = self.getwhile(2, |c| ('0'..='7').contains(&c))?;
                let text = format!("{}{digits}", t.c);
                let v = u32::from_str_radix(&text, 8).unwrap_or(0);
                if v > 0o377 {
                    return err(
                        format!("octal escape value \\{text} outside of range 0-0o377"),
                        start,
                    );
                }
                Item::Lit(v)
            }
            c if c.is_ascii_digit() || c.is_ascii_alphabetic() => {
                return err(format!("bad escape \\{c}"), start);
            }
            c => Item::Lit(c as u32),
        })
    }
}

fn unreachable_none<T>() -> PR<T> {
    Err(Fail::Error("internal error".into(), None))
}

fn nested_set_warning() -> Fail {
    Fail::Unsupported(
        "molt: a character set that CPython 3.11 warns about (FutureWarning: possible nested set or set operation) is not supported".into(),
    )
}

/// The one-letter escapes of both contexts (`\n`, `\t`, ...), as code points.
fn simple_escape(c: char) -> Option<u32> {
    Some(match c {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// The global flags of leading `(?flags)` groups (CPython applies them to the whole
/// pattern); comments and, once verbose, whitespace may come between.
fn leading_flags(p: &[char], mut flags: u32) -> u32 {
    let mut j = 0;
    loop {
        if flags & F_X != 0 {
            loop {
                match p.get(j) {
                    Some(c) if " \t\n\r\x0b\x0c".contains(*c) => j += 1,
                    Some('#') => {
                        while j < p.len() && p[j] != '\n' {
                            j += 1;
                        }
                    }
                    _ => break,
                }
            }
        }
        if p.get(j) != Some(&'(') || p.get(j + 1) != Some(&'?') {
            return flags;
        }
        if p.get(j + 2) == Some(&'#') {
            match p[j..].iter().position(|&c| c == ')') {
                Some(k) => j += k + 1,
                None => return flags,
            }
            continue;
        }
        let mut k = j + 2;
        let mut add = 0;
        while let Some(f) = p.get(k).and_then(|&c| flag_of(c)) {
            add |= f;
            k += 1;
        }
        if k == j + 2 || p.get(k) != Some(&')') {
            return flags;
        }
        flags |= add;
        j = k + 1;
    }
}

/// A translated pattern: what the engine runs.
struct Translation {
    source: String,
    groups: usize,
    names: Vec<(String, usize)>,
    parents: Vec<usize>,
    flags: u32,
}

fn translate(pattern: &str, flags: u32) -> PR<Translation> {
    let chars: Vec<char> = pattern.chars().collect();
    let all = leading_flags(&chars, flags);
    let mut p = Parser {
        p: chars,
        i: 0,
        groups: 0,
        names: Vec::new(),
        widths: vec![Some((0, 0))],
        lookbehind_groups: None,
        grouprefpos: Vec::new(),
        deferred: None,
        open: Vec::new(),
        parents: vec![0],
        out: String::new(),
    };
    p.check_next()?;
    // CPython checks the flags' types after parsing.
    p.parse_sub(all, all & F_X != 0, 0)?;
    let mut final_flags = all;
    if final_flags & F_L != 0 {
        return Err(Fail::Value(
            "cannot use LOCALE flag with a str pattern".into(),
        ));
    }
    if final_flags & F_A == 0 {
        final_flags |= F_U;
    } else if final_flags & F_U != 0 {
        return Err(Fail::Value(
            "ASCII and UNICODE flags are incompatible".into(),
        ));
    }
    if p.peek().is_some() {
        return err("unbalanced parenthesis", p.tell());
    }
    for &(g, pos) in &p.grouprefpos {
        if g > p.groups {
            return err(format!("invalid group reference {g}"), pos);
        }
    }
    if let Some(f) = p.deferred.take() {
        return Err(f);
    }
    Ok(Translation {
        source: p.out,
        groups: p.groups,
        names: p.names,
        parents: p.parents,
        flags: final_flags,
    })
}

// ---------------------------------------------------------------------------------------
// Compiled patterns and matching

/// The engine programs of one pattern: searching, and matching to the end (`fullmatch`),
/// and matching at a position without an empty match (after an empty match of `findall`).
struct Compiled {
    search: fancy_regex::Regex,
    full: RefCell<Option<Rc<fancy_regex::Regex>>>,
    nonempty: RefCell<Option<Option<Rc<fancy_regex::Regex>>>>,
    source: String,
}

fn build(source: &str, not_empty: bool) -> Result<fancy_regex::Regex, String> {
    fancy_regex::RegexBuilder::new(source)
        .backtrack_limit(usize::MAX)
        .delegate_size_limit(1 << 28)
        .delegate_dfa_size_limit(1 << 26)
        .find_not_empty(not_empty)
        // The rewrites of nested repeats change which iteration a group captures
        // (`(a+?)*+` matched `a` where sre matches `aa`): run the pattern as written.
        .optimize(false)
        .build()
        .map_err(|e| e.to_string())
}

fn unsupported<T>(msg: String) -> R<T> {
    raise(ExcKind::NotImplementedError, msg)
}

fn fail_result(f: Fail) -> R<Ref> {
    match f {
        Fail::Error(msg, pos) => {
            let pos = match pos {
                Some(p) => int_from_i64(p as i64),
                None => Ref::NONE,
            };
            Ok(crate::tuple::tuple_from_array([str_from(&msg), pos]))
        }
        Fail::Overflow(msg) => raise(ExcKind::OverflowError, msg),
        Fail::Value(msg) => raise(ExcKind::ValueError, msg),
        Fail::Unsupported(msg) => unsupported(msg),
    }
}

/// `_molt_re.compile(pattern, flags)`: `(id, groups, names, flags, parents)` where
/// `names` is a list of `(name, group)` in definition order, `flags` CPython's
/// `Pattern.flags` and `parents[g]` the capture group enclosing group `g` (0: none);
/// or `(message, position)` (position `None` when CPython gives none) for a `re.error`.
/// Raises CPython's `OverflowError`/`ValueError`, or a `molt:` `NotImplementedError` for
/// what the engine cannot do as CPython does.
fn r_compile(_: Value, args: Args<'_>) -> R<Ref> {
    let [pattern, flags] = args.exact("compile")?;
    if !is_str(pattern) {
        return type_error("molt: re patterns must be str");
    }
    let Some(flags) = int_view(flags).and_then(|f| f.to_i64()) else {
        return type_error("molt: re flags must be an int");
    };
    let flags = (flags & 0xffff_ffff) as u32;
    let text = as_str(pattern);
    let key = (text.to_string(), flags);
    let id = match BY_SOURCE.with(|m| m.borrow().get(&key).copied()) {
        Some(id) => id,
        None => {
            let t = match translate(text, flags) {
                Ok(t) => t,
                Err(f) => return fail_result(f),
            };
            let search = match build(&t.source, false) {
                Ok(r) => r,
                Err(e) => {
                    return unsupported(format!(
                        "molt: this regular expression is not supported by molt's engine ({e})"
                    ));
                }
            };
            let compiled = Compiled {
                search,
                full: RefCell::new(None),
                nonempty: RefCell::new(None),
                source: t.source.clone(),
            };
            let id = TABLE.with(|tb| {
                let mut tb = tb.borrow_mut();
                tb.push(Rc::new(compiled));
                tb.len() - 1
            });
            BY_SOURCE.with(|m| m.borrow_mut().insert(key, id));
            INFO.with(|m| {
                m.borrow_mut()
                    .insert(id, (t.groups, t.names, t.parents, t.flags))
            });
            id
        }
    };
    let (groups, names, parents, fl) = INFO
        .with(|m| m.borrow().get(&id).cloned())
        .unwrap_or_default();
    let names: Vec<Ref> = names
        .iter()
        .map(|(n, g)| crate::tuple::tuple_from_array([str_from(n), int_from_i64(*g as i64)]))
        .collect();
    Ok(crate::tuple::tuple_from_array([
        int_from_i64(id as i64),
        int_from_i64(groups as i64),
        crate::list::list_from_vec(names),
        int_from_i64(i64::from(fl)),
        crate::list::list_from_vec(parents.iter().map(|&p| int_from_i64(p as i64)).collect()),
    ]))
}

thread_local! {
    #[allow(clippy::type_complexity)]
    static INFO: RefCell<HashMap<usize, (usize, Vec<(String, usize)>, Vec<usize>, u32)>> = RefCell::new(HashMap::new());
}

fn compiled(id: Value) -> R<Rc<Compiled>> {
    let id = int_view(id).and_then(|i| i.to_i64()).unwrap_or(-1);
    match TABLE.with(|t| {
        usize::try_from(id)
            .ok()
            .and_then(|i| t.borrow().get(i).cloned())
    }) {
        Some(c) => Ok(c),
        None => raise(ExcKind::ValueError, "molt: not a compiled pattern"),
    }
}

impl Compiled {
    fn full(&self) -> R<Rc<fancy_regex::Regex>> {
        if let Some(r) = self.full.borrow().clone() {
            return Ok(r);
        }
        let r = match build(&format!("(?:{})\\z", self.source), false) {
            Ok(r) => Rc::new(r),
            Err(e) => {
                return unsupported(format!(
                    "molt: this regular expression is not supported by molt's engine ({e})"
                ));
            }
        };
        *self.full.borrow_mut() = Some(r.clone());
        Ok(r)
    }

    /// `None` when the pattern can only match empty.
    fn nonempty(&self) -> R<Option<Rc<fancy_regex::Regex>>> {
        if let Some(r) = self.nonempty.borrow().clone() {
            return Ok(r);
        }
        let r = match build(&self.source, true) {
            Ok(r) => Some(Rc::new(r)),
            Err(e) if e.to_lowercase().contains("never match") => None,
            Err(e) => {
                return unsupported(format!(
                    "molt: this regular expression is not supported by molt's engine ({e})"
                ));
            }
        };
        *self.nonempty.borrow_mut() = Some(r.clone());
        Ok(r)
    }
}

/// Code point index ↔ byte offset of one string (through the str's own breadcrumbs,
/// [`crate::str::StrIndex`], so a call costs no more than a few code points walked, however
/// long the string).
struct Offsets<'a> {
    text: &'a str,
    data: &'a crate::object::StrData,
}

impl<'a> Offsets<'a> {
    fn new(v: Value) -> Offsets<'a> {
        Offsets {
            text: as_str(v),
            data: str_data(v),
        }
    }

    fn byte(&self, i: usize) -> usize {
        crate::str::byte_offset(self.data, i.min(self.data.char_len))
    }

    fn index(&self, b: usize) -> usize {
        crate::str::char_index(self.data, b)
    }
}

fn engine_error<T>(e: fancy_regex::Error) -> R<T> {
    raise(
        ExcKind::RuntimeError,
        format!("molt: the regular expression engine failed: {e}"),
    )
}

/// One match of `re` in `hay` at or after byte `pos` (`anchored`: at `pos`): the flat
/// byte spans of its groups (`usize::MAX` for a group that did not take part).
fn run(re: &fancy_regex::Regex, hay: &str, pos: usize, anchored: bool) -> R<Option<Vec<usize>>> {
    let input = fancy_regex::RegexInput::new(hay)
        .from_pos(pos)
        .anchored(anchored);
    match re.captures_input(input) {
        Ok(None) => Ok(None),
        Ok(Some(caps)) => {
            let mut out = Vec::with_capacity(caps.len() * 2);
            for g in 0..caps.len() {
                match caps.get(g) {
                    Some(m) => {
                        out.push(m.start());
                        out.push(m.end());
                    }
                    None => {
                        out.push(usize::MAX);
                        out.push(usize::MAX);
                    }
                }
            }
            Ok(Some(out))
        }
        Err(e) => engine_error(e),
    }
}

fn spans_list(off: &Offsets<'_>, spans: &[usize]) -> Ref {
    let items: Vec<Ref> = spans
        .iter()
        .map(|&b| {
            if b == usize::MAX {
                int_from_i64(-1)
            } else {
                int_from_i64(off.index(b) as i64)
            }
        })
        .collect();
    crate::list::list_from_vec(items)
}

fn index_arg(v: Value, what: &str) -> R<usize> {
    match int_view(v).and_then(|i| i.to_i64()) {
        Some(i) if i >= 0 => Ok(i as usize),
        _ => type_error(format!("molt: re {what} must be a non-negative int")),
    }
}

/// `_molt_re.search(id, string, pos, endpos, mode)`: the first match as a flat list of
/// code point spans `[start0, end0, start1, end1, ...]` (`-1` for a group that did not
/// take part), or `None`. `0 <= pos <= endpos <= len(string)` (checked by the caller);
/// `mode` 0 searches, 1 matches at `pos`, 2 matches `pos..endpos` entirely.
fn r_search(_: Value, args: Args<'_>) -> R<Ref> {
    let [id, string, pos, endpos, mode] = args.exact("search")?;
    let c = compiled(id)?;
    if !is_str(string) {
        return type_error("molt: re subject must be a str");
    }
    let off = Offsets::new(string);
    let pos = off.byte(index_arg(pos, "pos")?);
    let end = off.byte(index_arg(endpos, "endpos")?);
    let hay = &off.text[..end];
    let found = match index_arg(mode, "mode")? {
        0 => run(&c.search, hay, pos, false)?,
        1 => run(&c.search, hay, pos, true)?,
        _ => run(&*c.full()?, hay, pos, true)?,
    };
    Ok(match found {
        Some(spans) => spans_list(&off, &spans),
        None => Ref::NONE,
    })
}

/// `_molt_re.scan(id, string, pos, endpos, count)`: the successive matches (at most
/// `count`, all when `count` is 0) as `search` gives them, with CPython 3.7+'s rule for
/// empty matches: after an empty match, the next match may start at the same position
/// only if it is not empty.
fn r_scan(_: Value, args: Args<'_>) -> R<Ref> {
    let [id, string, pos, endpos, count] = args.exact("scan")?;
    let c = compiled(id)?;
    if !is_str(string) {
        return type_error("molt: re subject must be a str");
    }
    let off = Offsets::new(string);
    let mut pos = off.byte(index_arg(pos, "pos")?);
    let end = off.byte(index_arg(endpos, "endpos")?);
    let count = index_arg(count, "count")?;
    let hay = &off.text[..end];
    let mut out: Vec<Ref> = Vec::new();
    let mut must_advance = false;
    while pos <= end && (count == 0 || out.len() < count) {
        let found = if must_advance {
            let at = match c.nonempty()? {
                Some(r) => run(&r, hay, pos, true)?,
                None => None,
            };
            match at {
                Some(s) => Some(s),
                None if pos >= end => None,
                None => {
                    let next = pos + hay[pos..].chars().next().map_or(1, char::len_utf8);
                    run(&c.search, hay, next, false)?
                }
            }
        } else {
            run(&c.search, hay, pos, false)?
        };
        let Some(spans) = found else { break };
        must_advance = spans[0] == spans[1];
        pos = spans[1];
        out.push(spans_list(&off, &spans));
    }
    Ok(crate::list::list_from_vec(out))
}

/// `_molt_re.mappingproxy(d)`: a read-only view of the dict `d` (`Pattern.groupindex`).
fn r_mappingproxy(_: Value, args: Args<'_>) -> R<Ref> {
    let [d] = args.exact("mappingproxy")?;
    if !crate::dict::is_dict(d) {
        return type_error("molt: mappingproxy needs a dict");
    }
    Ok(crate::class::mappingproxy_new(d))
}

/// The module object of `_molt_re`.
pub fn make_re_core() -> Ref {
    let m = crate::modules::module_new("_molt_re");
    crate::modules::add_fns(
        m.v(),
        &[
            ("compile", r_compile),
            ("search", r_search),
            ("scan", r_scan),
            ("mappingproxy", r_mappingproxy),
        ],
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(p: &str) -> String {
        match translate(p, 0) {
            Ok(t) => t.source,
            Err(Fail::Error(m, pos)) => format!("error: {m} at {pos:?}"),
            Err(Fail::Overflow(m)) | Err(Fail::Value(m)) | Err(Fail::Unsupported(m)) => m,
        }
    }

    #[test]
    fn errors_have_cpython_messages_and_positions() {
        assert_eq!(tr("a)"), "error: unbalanced parenthesis at Some(1)");
        assert_eq!(
            tr("(a"),
            "error: missing ), unterminated subpattern at Some(0)"
        );
        assert_eq!(tr("*a"), "error: nothing to repeat at Some(0)");
        assert_eq!(tr("a**"), "error: multiple repeat at Some(2)");
        assert_eq!(tr("[a"), "error: unterminated character set at Some(0)");
        assert_eq!(tr("\\q"), "error: bad escape \\q at Some(0)");
        assert_eq!(tr("[z-a]"), "error: bad character range z-a at Some(1)");
        assert_eq!(
            tr("a{3,2}"),
            "error: min repeat greater than max repeat at Some(2)"
        );
        assert_eq!(tr("\\"), "error: bad escape (end of pattern) at Some(0)");
    }

    #[test]
    fn what_differs_is_diagnosed() {
        for p in [
            "(a*)+",
            "(a|)*b",
            "(?i)(a)\\1",
            "\\N{DASH}",
            "[[a]",
            "[a--b]",
            "[a&&b]",
        ] {
            assert!(tr(p).starts_with("molt: "), "{p}: {}", tr(p));
        }
        // Without a capture inside, or a body that cannot be empty, it is fine.
        for p in ["(?:a*)+", "(a+)*", "(a)\\1", "()*", "(?=a)*"] {
            assert!(
                !tr(p).starts_with("molt: ") && !tr(p).starts_with("error"),
                "{p}"
            );
        }
    }

    #[test]
    fn sets_and_case() {
        let s = class_set(&[Item::Lit('k' as u32)], false, F_I);
        // k, K and the Kelvin sign.
        assert!(s.contains('K' as u32) && s.contains(0x212a) && s.contains('k' as u32));
        let s = class_set(&[Item::Lit('i' as u32)], false, F_I);
        assert!(s.contains(0x131) && s.contains(0x130) && s.contains('I' as u32));
        let w = unicode_cat(Cat::Word);
        assert!(w.contains('_' as u32) && w.contains('é' as u32) && !w.contains(0x301));
    }
}
