//! The MIR text reader, the inverse of [`crate::display`]: IR tests are written as text, and
//! print → parse → print is the identity.
//!
//! The reader is line-oriented, like the format: a `function` header line, block header lines
//! (`block1(v3: int) catch block4:`), instruction lines
//! (`v5: int = add v3, v4 @2..7 #1`) and a closing `}`. Between tokens any run of spaces and
//! tabs is accepted. Blank lines and lines whose first non-blank character is `;` are
//! comments, anywhere.
//!
//! Entity numbers are kept: `vN` is `Value(N)` and `blockN` is `Block(N)`, so values and blocks
//! must be numbered densely from 0 (each number below the largest defined exactly once).
//! Blocks may be referenced before they are defined, and so may values (a loop latch passes
//! values defined further down the layout). The layout is the order of the block headers;
//! instructions, which have no text form, are numbered in text order.
//!
//! **Architecture Invariant:** the reader never panics. Every malformed input is a
//! [`ParseError`] with the 1-based line and column (counted in characters) of the offending
//! token.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::display::{binary_name, cmp_name, conversion_name, unary_name};
use crate::{
    BinaryOp, Block, BlockCall, BlockData, CallArgs, CmpOp, Constant, Conversion, Function, Inst,
    InstData, InstKind, IntConst, Param, ParamKind, SiteId, Span, Type, UnaryOp, Value, ValueData,
    ValueDef, quote,
};

/// A reader error: where (1-based line and column, the column counted in characters) and what.
/// Displays as `line:col: message`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseError {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// What is wrong, e.g. `expected value, found "blk3"`.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ParseError {}

/// A reader error before its column is known: the column is computed from the text only
/// when an error escapes, which keeps the per-token cost of positions constant.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Failure {
    pos: Pos,
    message: String,
}

impl Failure {
    fn located(self, text: &str) -> ParseError {
        let line_index = (self.pos.line as usize).saturating_sub(1);
        let line = text.split('\n').nth(line_index).unwrap_or("");
        ParseError {
            line: self.pos.line,
            col: column(line, self.pos.byte),
            message: self.message,
        }
    }
}

type Result<T> = std::result::Result<T, Failure>;

/// Reads zero or more functions, each printed as by `Function`'s `Display`.
///
/// Errors: the first malformed token, an undefined or doubly defined value or block, or
/// value/block numbers that are not dense.
pub fn parse_functions(text: &str) -> std::result::Result<Vec<Function>, ParseError> {
    let read = || -> Result<Vec<Function>> {
        let mut lines = Lines::new(text);
        let mut functions = Vec::new();
        while let Some(function) = read_function(&mut lines)? {
            functions.push(function);
        }
        Ok(functions)
    };
    read().map_err(|failure| failure.located(text))
}

/// Reads exactly one function (comments and blank lines around it are allowed).
///
/// Errors: as [`parse_functions`], plus no function or more than one.
pub fn parse_function(text: &str) -> std::result::Result<Function, ParseError> {
    let read = || -> Result<Function> {
        let mut lines = Lines::new(text);
        let Some(function) = read_function(&mut lines)? else {
            let end = Pos {
                line: lines.last_line,
                byte: 0,
            };
            return error_at(end, "expected a function, found end of input");
        };
        if let Some((number, line)) = lines.next_significant() {
            return Cursor::new(number, line).expected("end of input after the function");
        }
        Ok(function)
    };
    read().map_err(|failure| failure.located(text))
}

/// Reads a type in its text form (`list[tuple[int, str]]`, `inst[Point]`, ...); surrounding
/// blanks are allowed.
pub fn parse_type(text: &str) -> std::result::Result<Type, ParseError> {
    let read = || -> Result<Type> {
        if let Some(index) = text.find('\n') {
            return error_at(
                Pos {
                    line: 1,
                    byte: index,
                },
                "expected a type on one line",
            );
        }
        let mut cursor = Cursor::new(1, text);
        let ty = cursor.ty(0)?;
        cursor.expect_end()?;
        Ok(ty)
    };
    read().map_err(|failure| failure.located(text))
}

/// Types nested deeper than this are rejected, so that hostile input cannot overflow the
/// stack. Inference widens far earlier (see [`crate::types::MAX_DEPTH`]).
const MAX_TYPE_NESTING: usize = 128;

const UNARY_OPS: [UnaryOp; 4] = [UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Invert, UnaryOp::Not];
const BINARY_OPS: [BinaryOp; 13] = [
    BinaryOp::Add,
    BinaryOp::Sub,
    BinaryOp::Mul,
    BinaryOp::TrueDiv,
    BinaryOp::FloorDiv,
    BinaryOp::Mod,
    BinaryOp::Pow,
    BinaryOp::LShift,
    BinaryOp::RShift,
    BinaryOp::BitAnd,
    BinaryOp::BitOr,
    BinaryOp::BitXor,
    BinaryOp::MatMul,
];
const CMP_OPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];
const CONVERSIONS: [Conversion; 3] = [Conversion::Str, Conversion::Repr, Conversion::Ascii];

/// A position in the input: 1-based line, byte offset within the line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Pos {
    line: u32,
    byte: usize,
}

fn error_at<T>(pos: Pos, message: impl Into<String>) -> Result<T> {
    Err(Failure {
        pos,
        message: message.into(),
    })
}

/// The 1-based column of byte offset `index` in `line`.
fn column(line: &str, index: usize) -> u32 {
    let chars = line.get(..index).map_or(0, |prefix| prefix.chars().count());
    u32::try_from(chars + 1).unwrap_or(u32::MAX)
}

/// The input's lines with their 1-based numbers (a trailing `\r` is dropped).
struct Lines<'a> {
    lines: std::iter::Enumerate<std::str::Split<'a, char>>,
    /// Number of the last line handed out, for errors at the end of the input.
    last_line: u32,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            lines: text.split('\n').enumerate(),
            last_line: 1,
        }
    }

    /// The next line that is not blank and not a `;` comment.
    fn next_significant(&mut self) -> Option<(u32, &'a str)> {
        for (index, line) in self.lines.by_ref() {
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            self.last_line = number;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed.is_empty() || trimmed.starts_with(';') {
                continue;
            }
            return Some((number, line));
        }
        None
    }
}

/// Characters of numbered entities (`v3`, `block2`) and keywords.
fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters of parameter and keyword-argument names, which the printer writes raw: anything
/// but blanks and the punctuation around names. Synthetic names such as the `.0` parameter of
/// a generator expression need more than identifier characters.
fn is_name_char(c: char) -> bool {
    !matches!(c, ' ' | '\t' | ',' | '(' | ')' | '=' | '"' | '*' | '/')
}

/// Characters of opcodes (`const.int`) and of the token quoted in "found ..." messages.
fn is_word_char(c: char) -> bool {
    is_ident_char(c) || c == '.'
}

/// Decimal digits without a sign or leading zeros, fitting `u32`.
fn decimal_u32(digits: &str) -> Option<u32> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if canonical { digits.parse().ok() } else { None }
}

/// A position within one line, collecting the value and block references it reads so that
/// undefined ones can be reported where they were first used.
struct Cursor<'a> {
    text: &'a str,
    /// Byte offset into `text`, always on a char boundary.
    pos: usize,
    line: u32,
    value_uses: Vec<(u32, Pos)>,
    block_uses: Vec<(u32, Pos)>,
}

impl<'a> Cursor<'a> {
    fn new(line: u32, text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            pos: 0,
            line,
            value_uses: Vec::new(),
            block_uses: Vec::new(),
        }
    }

    /// Moves to another line, keeping the references read so far.
    fn start_line(&mut self, line: u32, text: &'a str) {
        self.text = text;
        self.pos = 0;
        self.line = line;
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn skip_blanks(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            byte: self.pos,
        }
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        error_at(self.pos(), message)
    }

    /// The next token, for "found ..." in messages.
    fn found(&self) -> String {
        let rest = self.rest().trim_start_matches([' ', '\t']);
        let Some(first) = rest.chars().next() else {
            return "end of line".to_string();
        };
        if is_word_char(first) {
            let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            quote(&rest[..end])
        } else {
            quote(&first.to_string())
        }
    }

    /// An `expected {what}, found {token}` error at the next token.
    fn expected<T>(&self, what: &str) -> Result<T> {
        let mut at = Cursor::new(self.line, self.text);
        at.pos = self.pos;
        at.skip_blanks();
        at.error(format!("expected {what}, found {}", self.found()))
    }

    /// Skips blanks, then consumes `token` if it comes next.
    fn eat(&mut self, token: &str) -> bool {
        self.skip_blanks();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<()> {
        if self.eat(token) {
            Ok(())
        } else {
            self.expected(&quote(token))
        }
    }

    fn expect_end(&mut self) -> Result<()> {
        self.skip_blanks();
        if self.rest().is_empty() {
            Ok(())
        } else {
            self.expected("end of line")
        }
    }

    /// Skips blanks and consumes the longest run of characters satisfying `accept`.
    fn take_while(&mut self, accept: impl Fn(char) -> bool) -> &'a str {
        self.skip_blanks();
        let rest = self.rest();
        let end = rest.find(|c: char| !accept(c)).unwrap_or(rest.len());
        self.pos += end;
        &rest[..end]
    }

    /// The next word (identifier characters and dots) without consuming it.
    fn peek_word(&self) -> &'a str {
        let rest = self.rest().trim_start_matches([' ', '\t']);
        let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        &rest[..end]
    }

    /// Consumes the keyword `word` if it is the next whole word.
    fn eat_keyword(&mut self, word: &str) -> bool {
        if self.peek_word() == word {
            self.take_while(is_word_char);
            true
        } else {
            false
        }
    }

    /// Reads an entity such as `v3` or `block2`: `prefix` then a canonical `u32`.
    fn entity(&mut self, prefix: &str, what: &str) -> Result<(u32, Pos)> {
        self.skip_blanks();
        let (start, pos) = (self.pos, self.pos());
        let word = self.take_while(is_ident_char);
        match word.strip_prefix(prefix).and_then(decimal_u32) {
            Some(number) => Ok((number, pos)),
            None => {
                self.pos = start;
                self.expected(what)
            }
        }
    }

    /// Reads a value use, recording it.
    fn value(&mut self) -> Result<Value> {
        let (number, pos) = self.entity("v", "value")?;
        self.value_uses.push((number, pos));
        Ok(Value(number))
    }

    /// Reads a block reference, recording it.
    fn block(&mut self) -> Result<Block> {
        let (number, pos) = self.entity("block", "block")?;
        self.block_uses.push((number, pos));
        Ok(Block(number))
    }

    /// Reads a non-negative decimal `u32`.
    fn number(&mut self, what: &str) -> Result<u32> {
        self.skip_blanks();
        let start = self.pos;
        let digits = self.take_while(|c| c.is_ascii_digit());
        match decimal_u32(digits) {
            Some(number) => Ok(number),
            None => {
                self.pos = start;
                self.expected(what)
            }
        }
    }

    /// Reads `const.int`'s operand: `-?digits`, no leading zeros, any magnitude.
    fn int(&mut self) -> Result<IntConst> {
        self.skip_blanks();
        let (start, pos) = (self.pos, self.pos());
        let negative = self.eat("-");
        let digits = self.rest();
        let digits = &digits[..digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len())];
        if digits.is_empty() {
            self.pos = start;
            return self.expected("integer");
        }
        self.pos += digits.len();
        if digits.len() > 1 && digits.starts_with('0') {
            return error_at(pos, "integer with leading zeros");
        }
        if negative && digits == "0" {
            return error_at(pos, "negative zero integer");
        }
        let text = &self.text[start..self.pos];
        Ok(match text.parse::<i64>() {
            Ok(small) => IntConst::Small(small),
            Err(_) => IntConst::Big(text.into()),
        })
    }

    /// Reads `const.float`'s operand as printed by `{:?}` (`1.0`, `1e16`, `-inf`, `NaN`).
    fn float(&mut self) -> Result<f64> {
        self.skip_blanks();
        let start = self.pos;
        let text = self.take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
        match text.parse::<f64>() {
            Ok(x) => Ok(x),
            Err(_) => {
                self.pos = start;
                self.expected("float")
            }
        }
    }

    /// Reads a string literal with the escapes of [`crate::quote`].
    fn string(&mut self) -> Result<Box<str>> {
        self.skip_blanks();
        let start = self.pos();
        if self.peek() != Some('"') {
            return self.expected("string");
        }
        self.pos += 1;
        let mut out = String::new();
        loop {
            let escape_pos = self.pos();
            let Some(c) = self.peek() else {
                return error_at(start, "unterminated string");
            };
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(out.into()),
                '\\' => out.push(self.escape(escape_pos)?),
                c => out.push(c),
            }
        }
    }

    /// The character of an escape whose backslash was just consumed.
    fn escape(&mut self, pos: Pos) -> Result<char> {
        let Some(c) = self.peek() else {
            return error_at(pos, "unterminated string");
        };
        self.pos += c.len_utf8();
        match c {
            '\\' => Ok('\\'),
            '"' => Ok('"'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            't' => Ok('\t'),
            'u' => {
                let rest = self.rest();
                let hex = rest
                    .strip_prefix('{')
                    .map(|r| &r[..r.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(r.len())]);
                let Some(hex) = hex.filter(|h| (1..=6).contains(&h.len())) else {
                    return error_at(pos, "expected `\\u{hex}` escape");
                };
                if !rest[1 + hex.len()..].starts_with('}') {
                    return error_at(pos, "expected `\\u{hex}` escape");
                }
                self.pos += hex.len() + 2;
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map_or_else(
                        || error_at(pos, format!("invalid character \\u{{{hex}}}")),
                        Ok,
                    )
            }
            other => error_at(
                pos,
                format!("unknown escape {}", quote(&format!("\\{other}"))),
            ),
        }
    }

    /// Reads a type; `depth` counts enclosing type constructors.
    fn ty(&mut self, depth: usize) -> Result<Type> {
        self.skip_blanks();
        if depth > MAX_TYPE_NESTING {
            return self.error("type nested too deeply");
        }
        let start = self.pos;
        let word = self.take_while(|c| c.is_ascii_alphabetic());
        let ty = match word {
            "never" => Type::Never,
            "dyn" => Type::Dyn,
            "none" => Type::None,
            "bool" => Type::Bool,
            "int" => Type::Int,
            "float" => Type::Float,
            "str" => Type::Str,
            "range" => Type::Range,
            "list" | "set" | "iter" => {
                self.expect("[")?;
                let element = Box::new(self.ty(depth + 1)?);
                self.expect("]")?;
                match word {
                    "list" => Type::List(element),
                    "set" => Type::Set(element),
                    _ => Type::Iter(element),
                }
            }
            "dict" => {
                self.expect("[")?;
                let key = self.ty(depth + 1)?;
                self.expect(",")?;
                let value = self.ty(depth + 1)?;
                self.expect("]")?;
                Type::Dict(Box::new(key), Box::new(value))
            }
            "tuple" => {
                self.expect("[")?;
                let mut elements = Vec::new();
                if !self.eat("]") {
                    loop {
                        elements.push(self.ty(depth + 1)?);
                        if !self.eat(",") {
                            break;
                        }
                    }
                    self.expect("]")?;
                }
                Type::Tuple(elements)
            }
            "inst" | "class" | "fn" => {
                self.expect("[")?;
                // Names are printed raw, so everything up to the bracket is the name.
                let rest = self.rest();
                let Some(end) = rest.find(']') else {
                    return self.error("expected \"]\" after the name");
                };
                self.pos += end + 1;
                let name: Box<str> = rest[..end].into();
                match word {
                    "inst" => Type::Instance(name),
                    "class" => Type::Class(name),
                    _ => Type::Function(name),
                }
            }
            _ => {
                self.pos = start;
                return self.expected("type");
            }
        };
        Ok(ty)
    }

    /// Reads `(v1, v2)`.
    fn value_list(&mut self) -> Result<Vec<Value>> {
        self.expect("(")?;
        let mut values = Vec::new();
        if self.eat(")") {
            return Ok(values);
        }
        loop {
            values.push(self.value()?);
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")")?;
        Ok(values)
    }

    /// Reads `(v1, v2, name=v3)`: positional arguments, then keyword arguments.
    fn call_args(&mut self) -> Result<CallArgs> {
        self.expect("(")?;
        let mut args = CallArgs::default();
        if self.eat(")") {
            return Ok(args);
        }
        loop {
            self.skip_blanks();
            let (start, pos) = (self.pos, self.pos());
            let name = self.take_while(is_name_char);
            if !name.is_empty() && self.eat("=") {
                args.keywords.push((name.into(), self.value()?));
            } else {
                self.pos = start;
                if !args.keywords.is_empty() {
                    return error_at(pos, "positional argument after keyword argument");
                }
                args.positional.push(self.value()?);
            }
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")")?;
        Ok(args)
    }

    /// Reads a branch target `block1` or `block1(v2, v3)`.
    fn block_call(&mut self) -> Result<BlockCall> {
        let block = self.block()?;
        self.skip_blanks();
        let args = if self.peek() == Some('(') {
            self.value_list()?
        } else {
            Vec::new()
        };
        Ok(BlockCall { block, args })
    }

    fn comma(&mut self) -> Result<()> {
        self.expect(",")
    }

    fn value_comma_value(&mut self) -> Result<(Value, Value)> {
        let a = self.value()?;
        self.comma()?;
        Ok((a, self.value()?))
    }

    fn three_values(&mut self) -> Result<(Value, Value, Value)> {
        let (a, b) = self.value_comma_value()?;
        self.comma()?;
        Ok((a, b, self.value()?))
    }

    fn value_comma_string(&mut self) -> Result<(Value, Box<str>)> {
        let value = self.value()?;
        self.comma()?;
        Ok((value, self.string()?))
    }

    fn string_comma_value(&mut self) -> Result<(Box<str>, Value)> {
        let name = self.string()?;
        self.comma()?;
        Ok((name, self.value()?))
    }

    fn value_comma_number(&mut self) -> Result<(Value, u32)> {
        let value = self.value()?;
        self.comma()?;
        Ok((value, self.number("number")?))
    }

    /// Reads the operands of `opcode` (already consumed; it started at `pos`).
    fn inst_kind(&mut self, opcode: &str, pos: Pos) -> Result<InstKind> {
        let kind = match opcode {
            "const.none" => InstKind::Const(Constant::None),
            "const.bool" => {
                if self.eat_keyword("true") {
                    InstKind::Const(Constant::Bool(true))
                } else if self.eat_keyword("false") {
                    InstKind::Const(Constant::Bool(false))
                } else {
                    return self.expected("`true` or `false`");
                }
            }
            "const.int" => InstKind::Const(Constant::Int(self.int()?)),
            "const.float" => InstKind::Const(Constant::Float(self.float()?)),
            "const.str" => InstKind::Const(Constant::Str(self.string()?)),
            "const.ellipsis" => InstKind::Const(Constant::Ellipsis),
            "const.unbound" => InstKind::Const(Constant::Unbound),
            "truthy" => InstKind::Truthy(self.value()?),
            "global.load" => InstKind::GlobalLoad(self.string()?),
            "global.load.direct" => {
                let func = self.string()?;
                let via = if self.eat_keyword("via") {
                    Some(self.string()?)
                } else {
                    None
                };
                InstKind::GlobalLoadDirect { func, via }
            }
            "global.store" => {
                let (name, value) = self.string_comma_value()?;
                InstKind::GlobalStore(name, value)
            }
            "global.del" => InstKind::GlobalDel(self.string()?),
            "builtin.load" => InstKind::BuiltinLoad(self.string()?),
            "slot.load" => InstKind::SlotLoad(self.string()?),
            "slot.store" => {
                let (name, value) = self.string_comma_value()?;
                InstKind::SlotStore(name, value)
            }
            "slot.del" => InstKind::SlotDel(self.string()?),
            "check.bound" => {
                let (value, name) = self.value_comma_string()?;
                InstKind::CheckBound(value, name)
            }
            "cell.new" => InstKind::CellNew(self.value()?),
            "cell.load" => {
                let (cell, name) = self.value_comma_string()?;
                InstKind::CellLoad(cell, name)
            }
            "cell.store" => {
                let (cell, value) = self.value_comma_value()?;
                InstKind::CellStore(cell, value)
            }
            "freevar" => InstKind::FreeVar(self.number("free variable index")?),
            "ns.load" => {
                let (namespace, name) = self.value_comma_string()?;
                InstKind::NsLoad(namespace, name)
            }
            "call" => {
                let callee = self.value()?;
                InstKind::Call {
                    callee,
                    args: self.call_args()?,
                }
            }
            "call.direct" => {
                let func = self.string()?;
                let args = self.call_args()?;
                if !args.keywords.is_empty() {
                    return self.error("`call.direct` takes positional arguments only");
                }
                let via = if self.eat_keyword("via") {
                    Some(self.string()?)
                } else {
                    None
                };
                let loaded = if self.eat_keyword("loaded") {
                    Some(self.value()?)
                } else {
                    None
                };
                InstKind::CallDirect {
                    func,
                    args: args.positional,
                    via,
                    loaded,
                }
            }
            "call.ex" => {
                let (callee, args, kwargs) = self.three_values()?;
                InstKind::CallEx {
                    callee,
                    args,
                    kwargs,
                }
            }
            "call.class.direct" => {
                let class = self.string()?;
                self.comma()?;
                let init = self.string()?;
                let args = self.call_args()?;
                if !args.keywords.is_empty() {
                    return self.error("`call.class.direct` takes positional arguments only");
                }
                let loaded = if self.eat_keyword("loaded") {
                    Some(self.value()?)
                } else {
                    None
                };
                InstKind::CallClassDirect {
                    class,
                    init,
                    args: args.positional,
                    loaded,
                }
            }
            "call.method.direct" => {
                let (receiver, name) = self.value_comma_string()?;
                self.comma()?;
                let func = self.string()?;
                let args = self.call_args()?;
                if !args.keywords.is_empty() {
                    return self.error("`call.method.direct` takes positional arguments only");
                }
                InstKind::CallMethodDirect {
                    receiver,
                    name,
                    func,
                    args: args.positional,
                }
            }
            "call.super" => {
                let sup = self.value()?;
                self.comma()?;
                let class = self.value()?;
                self.comma()?;
                let (receiver, name) = self.value_comma_string()?;
                InstKind::CallSuper {
                    sup,
                    class,
                    receiver,
                    name,
                    args: self.call_args()?,
                }
            }
            "call.method.loaded" => {
                let receiver = self.value()?;
                self.comma()?;
                let (method, name) = self.value_comma_string()?;
                InstKind::CallMethodLoaded {
                    receiver,
                    method,
                    name,
                    args: self.call_args()?,
                }
            }
            "method.is" => {
                let (receiver, name) = self.value_comma_string()?;
                self.comma()?;
                let func = self.string()?;
                let loaded = if self.eat_keyword("loaded") {
                    Some(self.value()?)
                } else {
                    None
                };
                InstKind::MethodIs {
                    receiver,
                    name,
                    func,
                    loaded,
                }
            }
            "class.is" => {
                let class = self.string()?;
                self.comma()?;
                let init = self.string()?;
                let loaded = if self.eat_keyword("loaded") {
                    Some(self.value()?)
                } else {
                    None
                };
                InstKind::ClassIs {
                    class,
                    init,
                    loaded,
                }
            }
            "func.is" => {
                let func = self.string()?;
                if !self.eat_keyword("loaded") {
                    return self.error("expected `loaded` after `func.is \"f\"`");
                }
                InstKind::FuncIs {
                    func,
                    loaded: self.value()?,
                }
            }
            "new.instance" => InstKind::NewInstance {
                class: self.string()?,
            },
            "method.load.direct" => {
                let (receiver, name) = self.value_comma_string()?;
                self.comma()?;
                let func = self.string()?;
                InstKind::MethodLoadDirect {
                    receiver,
                    name,
                    func,
                }
            }
            "method.load" => {
                let (object, name) = self.value_comma_string()?;
                InstKind::MethodLoad(object, name)
            }
            "call.method" => {
                let (receiver, name) = self.value_comma_string()?;
                InstKind::CallMethod {
                    receiver,
                    name,
                    args: self.call_args()?,
                }
            }
            "getattr" => {
                let (object, name) = self.value_comma_string()?;
                InstKind::GetAttr(object, name)
            }
            "setattr" => {
                let (object, name) = self.value_comma_string()?;
                self.comma()?;
                InstKind::SetAttr(object, name, self.value()?)
            }
            "getattr.slot" => {
                let (object, name) = self.value_comma_string()?;
                InstKind::GetAttrSlot(object, name)
            }
            "setattr.slot" => {
                let (object, name) = self.value_comma_string()?;
                self.comma()?;
                InstKind::SetAttrSlot(object, name, self.value()?)
            }
            "delattr" => {
                let (object, name) = self.value_comma_string()?;
                InstKind::DelAttr(object, name)
            }
            "getitem" => {
                let (object, index) = self.value_comma_value()?;
                InstKind::GetItem(object, index)
            }
            "setitem" => {
                let (object, index, value) = self.three_values()?;
                InstKind::SetItem(object, index, value)
            }
            "delitem" => {
                let (object, index) = self.value_comma_value()?;
                InstKind::DelItem(object, index)
            }
            "star.extend" => {
                let (list, iterable) = self.value_comma_value()?;
                InstKind::StarExtend(list, iterable)
            }
            "kwargs.merge" => {
                let (callee, dict, mapping) = self.three_values()?;
                InstKind::KwargsMerge(callee, dict, mapping)
            }
            "build.slice" => {
                let (lower, upper, step) = self.three_values()?;
                InstKind::BuildSlice(lower, upper, step)
            }
            "build.list" => InstKind::BuildList(self.value_list()?),
            "build.tuple" => InstKind::BuildTuple(self.value_list()?),
            "build.set" => InstKind::BuildSet(self.value_list()?),
            "build.dict" => InstKind::BuildDict(self.value_list()?),
            "build.string" => InstKind::BuildString(self.value_list()?),
            "format" => {
                let (value, spec) = self.value_comma_value()?;
                InstKind::Format(value, spec)
            }
            "iter" => InstKind::GetIter(self.value()?),
            "with.exit" => InstKind::WithExit(self.value()?),
            "exc.handled" => InstKind::HandledExc,
            "is.type" => {
                let value = self.value()?;
                self.comma()?;
                InstKind::IsType(value, self.ty(0)?)
            }
            "index" => InstKind::ToIndex(self.value()?),
            "unpack" => {
                let (value, count) = self.value_comma_number()?;
                InstKind::Unpack(value, count)
            }
            "unpack.ex" => {
                let (value, before) = self.value_comma_number()?;
                self.comma()?;
                InstKind::UnpackEx(value, before, self.number("number")?)
            }
            "extract" => {
                let (value, index) = self.value_comma_number()?;
                InstKind::Extract(value, index)
            }
            "make.function" => {
                let name = self.string()?;
                self.comma()?;
                let defaults = self.value_list()?;
                self.comma()?;
                InstKind::MakeFunction {
                    name,
                    defaults,
                    closure: self.value_list()?,
                }
            }
            "make.class" => {
                let name = self.string()?;
                self.comma()?;
                let (bases, namespace) = self.value_comma_value()?;
                let mut slots = Vec::new();
                if self.eat_keyword("slots") {
                    self.expect("(")?;
                    if !self.eat(")") {
                        loop {
                            slots.push(self.string()?);
                            if self.eat(")") {
                                break;
                            }
                            self.comma()?;
                        }
                    }
                }
                InstKind::MakeClass {
                    name,
                    bases,
                    namespace,
                    slots,
                }
            }
            "import" => {
                let name = self.string()?;
                let level = if self.eat_keyword("level") {
                    self.number("import level")?
                } else {
                    0
                };
                let mut fromlist = Vec::new();
                if self.eat_keyword("from") {
                    self.expect("(")?;
                    if !self.eat(")") {
                        loop {
                            fromlist.push(self.string()?);
                            if self.eat(")") {
                                break;
                            }
                            self.comma()?;
                        }
                    }
                }
                InstKind::Import {
                    name,
                    level,
                    fromlist,
                }
            }
            "import.from" => {
                let (module, name) = self.value_comma_string()?;
                InstKind::ImportFrom(module, name)
            }
            "import.star" => {
                let module = self.value()?;
                let mut only = Vec::new();
                if self.eat_keyword("only") {
                    self.expect("(")?;
                    if !self.eat(")") {
                        loop {
                            only.push(self.string()?);
                            if self.eat(")") {
                                break;
                            }
                            self.comma()?;
                        }
                    }
                }
                InstKind::ImportStar { module, only }
            }
            "exc.enter" => {
                let exception = self.value()?;
                self.comma()?;
                InstKind::ExcEnter(exception, self.number("handler level")?)
            }
            "exc.leave" => InstKind::ExcLeave(self.number("handler level")?),
            "keepalive" => InstKind::KeepAlive(self.value_list()?),
            "bind" => InstKind::Bind(self.value_list()?),
            "exc.match" => {
                let (exception, class) = self.value_comma_value()?;
                InstKind::ExcMatch(exception, class)
            }
            "assume" => {
                let value = self.value()?;
                self.comma()?;
                InstKind::Assume(value, self.ty(0)?)
            }
            "yield" => InstKind::Yield(self.value()?),
            "jump" => InstKind::Jump(self.block_call()?),
            "brif" => {
                let condition = self.value()?;
                self.comma()?;
                let then = self.block_call()?;
                self.comma()?;
                InstKind::Brif(condition, then, self.block_call()?)
            }
            "iter.next" => {
                let iterator = self.value()?;
                self.comma()?;
                let body = self.block_call()?;
                self.comma()?;
                InstKind::IterNext(iterator, body, self.block_call()?)
            }
            "return" => InstKind::Return(self.value()?),
            "raise" => {
                let exception = self.value()?;
                let cause = if self.eat_keyword("from") {
                    Some(self.value()?)
                } else {
                    None
                };
                InstKind::Raise(exception, cause)
            }
            "reraise" => InstKind::Reraise(self.value()?),
            "unreachable" => InstKind::Unreachable,
            _ => return self.operator(opcode, pos),
        };
        Ok(kind)
    }

    /// Reads the operands of the operator families: unary, binary (and in-place), `cmp.*`
    /// and `convert.*`.
    fn operator(&mut self, opcode: &str, pos: Pos) -> Result<InstKind> {
        if let Some(&op) = UNARY_OPS.iter().find(|&&op| unary_name(op) == opcode) {
            return Ok(InstKind::Unary(op, self.value()?));
        }
        let binary = |name: &str| {
            BINARY_OPS
                .iter()
                .copied()
                .find(|&op| binary_name(op) == name)
        };
        let (op, inplace) = match (binary(opcode), opcode.strip_prefix('i').and_then(binary)) {
            (Some(op), _) => (Some(op), false),
            (None, Some(op)) => (Some(op), true),
            (None, None) => (None, false),
        };
        if let Some(op) = op {
            let (lhs, rhs) = self.value_comma_value()?;
            return Ok(InstKind::Binary {
                op,
                inplace,
                lhs,
                rhs,
            });
        }
        if let Some(name) = opcode.strip_prefix("cmp.")
            && let Some(&op) = CMP_OPS.iter().find(|&&op| cmp_name(op) == name)
        {
            let (a, b) = self.value_comma_value()?;
            return Ok(InstKind::Compare(op, a, b));
        }
        if let Some(name) = opcode.strip_prefix("convert.")
            && let Some(&c) = CONVERSIONS.iter().find(|&&c| conversion_name(c) == name)
        {
            return Ok(InstKind::Convert(c, self.value()?));
        }
        if opcode.is_empty() {
            return self.expected("instruction");
        }
        error_at(pos, format!("unknown opcode {}", quote(opcode)))
    }
}

/// The function being read: its header, and its blocks, instructions and values keyed by
/// their printed numbers until [`FunctionReader::finish`] checks they are dense.
struct FunctionReader {
    name: Box<str>,
    params: Vec<Param>,
    freevars: Vec<Box<str>>,
    is_generator: bool,
    /// Blocks in layout order: number, contents, header position.
    blocks: Vec<(u32, BlockData, Pos)>,
    /// Block number → index into `blocks`.
    block_index: HashMap<u32, usize>,
    values: BTreeMap<u32, (ValueData, Pos)>,
    insts: Vec<InstData>,
    next_site: u32,
}

/// Reads the next function, or `None` at the end of the input.
fn read_function(lines: &mut Lines<'_>) -> Result<Option<Function>> {
    let Some((number, text)) = lines.next_significant() else {
        return Ok(None);
    };
    let mut cursor = Cursor::new(number, text);
    let mut reader = FunctionReader::header(&mut cursor)?;
    loop {
        let Some((number, text)) = lines.next_significant() else {
            return error_at(
                Pos {
                    line: lines.last_line,
                    byte: 0,
                },
                "unexpected end of input: expected \"}\" closing the function",
            );
        };
        cursor.start_line(number, text);
        if text.trim_matches([' ', '\t']) == "}" {
            break;
        }
        if cursor.peek_word().starts_with("block") {
            reader.block_header(&mut cursor)?;
        } else {
            reader.inst(&mut cursor)?;
        }
    }
    reader.finish(&cursor).map(Some)
}

impl FunctionReader {
    /// Reads `function "name"(params) freevars("x") generator {`.
    fn header(cursor: &mut Cursor<'_>) -> Result<FunctionReader> {
        if !cursor.eat_keyword("function") {
            return cursor.expected("`function`");
        }
        let name = cursor.string()?;
        let params = signature(cursor)?;
        let mut freevars = Vec::new();
        if cursor.eat_keyword("freevars") {
            cursor.expect("(")?;
            if !cursor.eat(")") {
                loop {
                    freevars.push(cursor.string()?);
                    if !cursor.eat(",") {
                        break;
                    }
                }
                cursor.expect(")")?;
            }
        }
        let is_generator = cursor.eat_keyword("generator");
        cursor.expect("{")?;
        cursor.expect_end()?;
        Ok(FunctionReader {
            name,
            params,
            freevars,
            is_generator,
            blocks: Vec::new(),
            block_index: HashMap::new(),
            values: BTreeMap::new(),
            insts: Vec::new(),
            next_site: 0,
        })
    }

    fn define_value(&mut self, number: u32, pos: Pos, data: ValueData) -> Result<()> {
        if self.values.contains_key(&number) {
            return error_at(pos, format!("value v{number} defined twice"));
        }
        self.values.insert(number, (data, pos));
        Ok(())
    }

    /// Reads `block1(v3: int, v4: dyn) catch block2:`.
    fn block_header(&mut self, cursor: &mut Cursor<'_>) -> Result<()> {
        let (number, pos) = cursor.entity("block", "block")?;
        if self.block_index.contains_key(&number) {
            return error_at(pos, format!("block block{number} defined twice"));
        }
        let block = Block(number);
        let mut data = BlockData::default();
        if cursor.eat("(") && !cursor.eat(")") {
            loop {
                let (value, pos) = cursor.entity("v", "value")?;
                cursor.expect(":")?;
                let ty = cursor.ty(0)?;
                let index = u32::try_from(data.params.len()).unwrap_or(u32::MAX);
                self.define_value(
                    value,
                    pos,
                    ValueData {
                        def: ValueDef::Param(block, index),
                        ty,
                    },
                )?;
                data.params.push(Value(value));
                if !cursor.eat(",") {
                    break;
                }
            }
            cursor.expect(")")?;
        }
        if cursor.eat_keyword("catch") {
            data.handler = Some(cursor.block()?);
        }
        cursor.expect(":")?;
        cursor.expect_end()?;
        self.block_index.insert(number, self.blocks.len());
        self.blocks.push((number, data, pos));
        Ok(())
    }

    /// Reads `[vN: type = ]opcode operands @start..end #site` into the current block.
    fn inst(&mut self, cursor: &mut Cursor<'_>) -> Result<()> {
        cursor.skip_blanks();
        let line_start = cursor.pos();
        if self.blocks.is_empty() {
            return error_at(line_start, "instruction outside of a block");
        }
        let start = cursor.pos;
        // No opcode looks like a value, so a leading `vN` is a result.
        let result = match cursor.entity("v", "value") {
            Ok((number, pos)) => {
                cursor.expect(":")?;
                let ty = cursor.ty(0)?;
                cursor.expect("=")?;
                Some((number, pos, ty))
            }
            Err(_) => {
                cursor.pos = start;
                None
            }
        };
        cursor.skip_blanks();
        let opcode_pos = cursor.pos();
        let opcode = cursor.take_while(is_word_char);
        let kind = cursor.inst_kind(opcode, opcode_pos)?;
        match (&result, kind.has_result()) {
            (None, true) => {
                return error_at(
                    opcode_pos,
                    format!("`{opcode}` needs a result (`vN: type = `)"),
                );
            }
            (Some(_), false) => return error_at(line_start, format!("`{opcode}` has no result")),
            _ => {}
        }
        cursor.expect("@")?;
        let start = cursor.number("span start")?;
        cursor.expect("..")?;
        let end = cursor.number("span end")?;
        cursor.expect("#")?;
        let site_pos = {
            cursor.skip_blanks();
            cursor.pos()
        };
        let site = cursor.number("site id")?;
        // A trailing `; comment` (the lane annotations of `--emit=mir`) is allowed here.
        cursor.skip_blanks();
        if !cursor.rest().starts_with(';') {
            cursor.expect_end()?;
        }
        let Some(next_site) = site.checked_add(1) else {
            return error_at(site_pos, format!("site id #{site} is too large"));
        };
        self.next_site = self.next_site.max(next_site);

        let Ok(index) = u32::try_from(self.insts.len()) else {
            return error_at(line_start, "too many instructions");
        };
        let inst = Inst(index);
        let result = match result {
            Some((number, pos, ty)) => {
                self.define_value(
                    number,
                    pos,
                    ValueData {
                        def: ValueDef::Result(inst),
                        ty,
                    },
                )?;
                Some(Value(number))
            }
            None => None,
        };
        self.insts.push(InstData {
            kind,
            result,
            span: Span::new(start, end),
            site: SiteId(site),
        });
        if let Some((_, block, _)) = self.blocks.last_mut() {
            block.insts.push(inst);
        }
        Ok(())
    }

    /// Checks that every referenced block and value is defined and that both are numbered
    /// densely, then builds the function. `cursor` holds the references.
    fn finish(self, cursor: &Cursor<'_>) -> Result<Function> {
        for &(number, pos) in &cursor.block_uses {
            if !self.block_index.contains_key(&number) {
                return error_at(pos, format!("undefined block block{number}"));
            }
        }
        for &(number, pos) in &cursor.value_uses {
            if !self.values.contains_key(&number) {
                return error_at(pos, format!("undefined value v{number}"));
            }
        }
        let block_count = self.blocks.len();
        if let Some(&(number, _, pos)) = self
            .blocks
            .iter()
            .find(|(number, ..)| *number as usize >= block_count)
        {
            let missing = (0..)
                .find(|n| !self.block_index.contains_key(n))
                .unwrap_or(number);
            return error_at(
                pos,
                format!("block numbers must be dense, but block{missing} is not defined"),
            );
        }
        if let Some((&number, &(_, pos))) = self.values.last_key_value()
            && number as usize >= self.values.len()
        {
            let missing = (0..)
                .find(|n| !self.values.contains_key(n))
                .unwrap_or(number);
            return error_at(
                pos,
                format!("value numbers must be dense, but v{missing} is not defined"),
            );
        }

        let mut blocks = vec![BlockData::default(); block_count];
        let mut layout = Vec::with_capacity(block_count);
        for (number, data, _) in self.blocks {
            // In range: the numbers are dense.
            if let Some(slot) = blocks.get_mut(number as usize) {
                *slot = data;
            }
            layout.push(Block(number));
        }
        Ok(Function {
            name: self.name,
            params: self.params,
            freevars: self.freevars,
            is_generator: self.is_generator,
            blocks,
            insts: self.insts,
            // Dense and sorted by number, so index N holds vN.
            values: self.values.into_values().map(|(data, _)| data).collect(),
            layout,
            next_site: self.next_site,
            varnames: Vec::new(),
            inlined_frames: Vec::new(),
            inlined_sites: Vec::new(),
            assumed_builtins: Vec::new(),
            callee_notes: Vec::new(),
        })
    }
}

/// Reads the parameter list `(a, b=, /, c, *args, k=, **kw)` in Python's order: positional-only
/// parameters before a lone `/`, then positional ones, then `*args` or a lone `*`, then
/// keyword-only ones, then `**kwargs`. `=` marks a default value.
fn signature(cursor: &mut Cursor<'_>) -> Result<Vec<Param>> {
    cursor.expect("(")?;
    let mut params: Vec<Param> = Vec::new();
    if cursor.eat(")") {
        return Ok(params);
    }
    let (mut seen_slash, mut seen_star, mut seen_kwargs) = (false, false, false);
    // A lone `*` must be followed by a keyword-only parameter (the printer writes it only then).
    let mut lone_star: Option<Pos> = None;
    loop {
        cursor.skip_blanks();
        let pos = cursor.pos();
        if seen_kwargs {
            return error_at(pos, "parameter after `**` parameter");
        }
        let kind = if cursor.eat("**") {
            seen_kwargs = true;
            ParamKind::KwArgs
        } else if cursor.eat("*") {
            if seen_star {
                return error_at(pos, "second `*` in the signature");
            }
            seen_star = true;
            cursor.skip_blanks();
            if matches!(cursor.peek(), Some(',' | ')')) {
                lone_star = Some(pos);
                if !cursor.eat(",") {
                    break;
                }
                continue;
            }
            ParamKind::VarArgs
        } else if cursor.eat("/") {
            if seen_slash || seen_star || params.is_empty() {
                return error_at(pos, "`/` must follow the positional parameters, once");
            }
            seen_slash = true;
            params
                .iter_mut()
                .for_each(|p| p.kind = ParamKind::PositionalOnly);
            if !cursor.eat(",") {
                break;
            }
            continue;
        } else if seen_star {
            lone_star = None;
            ParamKind::KeywordOnly
        } else {
            ParamKind::Positional
        };
        let name = cursor.take_while(is_name_char);
        if name.is_empty() {
            return cursor.expected("parameter name");
        }
        let has_default = cursor.eat("=");
        params.push(Param {
            name: name.into(),
            kind,
            has_default,
        });
        if !cursor.eat(",") {
            break;
        }
    }
    if let Some(pos) = lone_star {
        return error_at(
            pos,
            "a lone `*` must be followed by a keyword-only parameter",
        );
    }
    cursor.expect(")")?;
    Ok(params)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Parses `text`, which must succeed, and checks it prints back identically.
    fn roundtrip(text: &str) -> Function {
        let func = match parse_function(text) {
            Ok(func) => func,
            Err(e) => panic!("{e}\n{text}"),
        };
        assert_eq!(func.to_string(), text);
        func
    }

    fn check_error(text: &str, expect: Expect) {
        match parse_functions(text) {
            Ok(_) => panic!("parsed without error:\n{text}"),
            Err(e) => expect.assert_eq(&e.to_string()),
        }
    }

    #[test]
    fn minimal_function() {
        let func = roundtrip(
            "function \"f\"() {\nblock0:\n    v0: none = const.none @0..4 #0\n    return v0 @0..11 #1\n}\n",
        );
        assert_eq!(func.next_site, 2);
        assert_eq!(func.layout, vec![Block(0)]);
        assert_eq!(func.values[0].def, ValueDef::Result(Inst(0)));
    }

    #[test]
    fn empty_function_has_no_blocks() {
        let func = roundtrip("function \"<module>\"() {\n}\n");
        assert!(func.blocks.is_empty());
        assert_eq!(func.next_site, 0);
    }

    #[test]
    fn entity_numbers_are_kept() {
        // Values defined out of order and blocks referenced before their definition.
        let text = "function \"f\"(a) {\nblock0(v0: dyn):\n    jump block2(v0) @0..1 #3\nblock2(v2: dyn):\n    jump block1(v2) @0..1 #7\nblock1(v1: dyn):\n    return v1 @0..1 #1\n}\n";
        let func = roundtrip(text);
        assert_eq!(func.layout, vec![Block(0), Block(2), Block(1)]);
        assert_eq!(func.blocks[2].params, vec![Value(2)]);
        assert_eq!(func.values[1].def, ValueDef::Param(Block(1), 0));
        assert_eq!(
            func.insts[1].kind,
            InstKind::Jump(BlockCall {
                block: Block(1),
                args: vec![Value(2)]
            })
        );
        assert_eq!(func.next_site, 8);
    }

    #[test]
    fn signatures() {
        for sig in [
            "()",
            "(a)",
            "(a, /)",
            "(a, b=, /, c, d=)",
            "(*args)",
            "(*, k)",
            "(*, k=, m)",
            "(a, *args, k, **kw)",
            "(a, /, b, *, c=, **kw)",
            "(**kw)",
        ] {
            let params = sig.trim_start_matches('(').trim_end_matches(')');
            let count = if params.is_empty() {
                0
            } else {
                params
                    .split(", ")
                    .filter(|p| *p != "/" && *p != "*")
                    .count()
            };
            let entry: Vec<String> = (0..count).map(|i| format!("v{i}: dyn")).collect();
            let header = if count == 0 {
                "block0:".to_string()
            } else {
                format!("block0({}):", entry.join(", "))
            };
            roundtrip(&format!(
                "function \"f\"{sig} {{\n{header}\n    unreachable @0..0 #0\n}}\n"
            ));
        }
        let func = parse_function(
            "function \"f\"(a, /, b=, *c, d, **e) {\nblock0(v0: dyn, v1: dyn, v2: dyn, v3: dyn, v4: dyn):\n    unreachable @0..0 #0\n}\n",
        );
        let kinds: std::result::Result<Vec<_>, _> =
            func.map(|f| f.params.iter().map(|p| (p.kind, p.has_default)).collect());
        assert_eq!(
            kinds,
            Ok(vec![
                (ParamKind::PositionalOnly, false),
                (ParamKind::Positional, true),
                (ParamKind::VarArgs, false),
                (ParamKind::KeywordOnly, false),
                (ParamKind::KwArgs, false),
            ])
        );
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let text = "; two functions\n\nfunction \"f\"() {\n  ; the entry\nblock0:\n\n    unreachable @0..0 #0\n}\n; between\nfunction \"g\"() {\n}\n";
        let functions = parse_functions(text).map(|fs| fs.len());
        assert_eq!(functions, Ok(2));
        assert_eq!(parse_functions(""), Ok(Vec::new()));
        assert_eq!(parse_functions("\n; nothing\n").map(|f| f.len()), Ok(0));
    }

    #[test]
    fn types() {
        for text in [
            "never",
            "dyn",
            "none",
            "bool",
            "int",
            "float",
            "str",
            "range",
            "list[int]",
            "tuple[]",
            "tuple[int]",
            "tuple[int, str, list[dyn]]",
            "dict[str, set[float]]",
            "iter[tuple[int, iter[never]]]",
            "inst[Point]",
            "class[outer.<locals>.C]",
            "fn[f]",
        ] {
            assert_eq!(
                parse_type(text).map(|t| t.to_string()),
                Ok(text.to_string())
            );
        }
        assert_eq!(
            parse_type("  list[ int ] "),
            Ok(Type::List(Box::new(Type::Int)))
        );
    }

    #[test]
    fn deep_types_are_rejected_not_overflowed() {
        let deep = "list[".repeat(100_000);
        check_error_type(&deep, expect![[r#"1:646: type nested too deeply"#]]);
    }

    fn check_error_type(text: &str, expect: Expect) {
        match parse_type(text) {
            Ok(t) => panic!("parsed as {t}"),
            Err(e) => expect.assert_eq(&e.to_string()),
        }
    }

    #[test]
    fn type_errors() {
        check_error_type("lst[int]", expect![[r#"1:1: expected type, found "lst""#]]);
        check_error_type(
            "list[int",
            expect![[r#"1:9: expected "]", found end of line"#]],
        );
        check_error_type("dict[int]", expect![[r#"1:9: expected ",", found "]""#]]);
        check_error_type("inst[C", expect![[r#"1:6: expected "]" after the name"#]]);
        check_error_type(
            "int int",
            expect![[r#"1:5: expected end of line, found "int""#]],
        );
        check_error_type("", expect![[r#"1:1: expected type, found end of line"#]]);
        check_error_type("int\n", expect![[r#"1:4: expected a type on one line"#]]);
    }

    #[test]
    fn constants() {
        let text = "function \"f\"() {\nblock0:\n    v0: int = const.int -9223372036854775808 @0..1 #0\n    v1: int = const.int 9223372036854775808 @0..1 #1\n    v2: int = const.int -123456789012345678901234567890 @0..1 #2\n    v3: float = const.float -0.0 @0..1 #3\n    v4: float = const.float NaN @0..1 #4\n    v5: str = const.str \"\\\"\\\\\\n\\r\\t\\u{1b}é€\" @0..1 #5\n    unreachable @0..0 #6\n}\n";
        let func = roundtrip(text);
        let consts: Vec<_> = func
            .insts
            .iter()
            .filter_map(|i| match &i.kind {
                InstKind::Const(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            consts,
            vec![
                Constant::Int(IntConst::Small(i64::MIN)),
                Constant::Int(IntConst::Big("9223372036854775808".into())),
                Constant::Int(IntConst::Big("-123456789012345678901234567890".into())),
                Constant::Float(-0.0),
                Constant::Float(f64::NAN),
                Constant::Str("\"\\\n\r\t\u{1b}é€".into()),
            ]
        );
    }

    #[test]
    fn floats_read_back_bit_identically() {
        for x in [
            0.0,
            -0.0,
            1.0,
            0.1,
            1e16,
            1e-7,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            std::f64::consts::PI,
        ] {
            let text = crate::display::float_text(x);
            let mut cursor = Cursor::new(1, &text);
            assert_eq!(cursor.float().map(f64::to_bits), Ok(x.to_bits()), "{text}");
        }
    }

    fn body(lines: &str) -> String {
        format!("function \"f\"(a) {{\nblock0(v0: dyn):\n{lines}}}\n")
    }

    #[test]
    fn errors_point_at_the_token() {
        check_error(
            &body("    v1: dyn = neg blk3 @0..1 #0\n    return v1 @0..1 #1\n"),
            expect![[r#"3:19: expected value, found "blk3""#]],
        );
        check_error(
            &body("    jump block7 @0..1 #0\n"),
            expect![[r#"3:10: undefined block block7"#]],
        );
        check_error(
            &body(
                "    v1: dyn = neg v0 @0..1 #0\n    v1: dyn = neg v0 @0..1 #1\n    return v1 @0..1 #2\n",
            ),
            expect![[r#"4:5: value v1 defined twice"#]],
        );
        check_error(
            &body("    return v9 @0..1 #0\n"),
            expect![[r#"3:12: undefined value v9"#]],
        );
        check_error(
            &body("    v2: dyn = neg v0 @0..1 #0\n    return v2 @0..1 #1\n"),
            expect![[r#"3:5: value numbers must be dense, but v1 is not defined"#]],
        );
        check_error(
            &body("    jump block2 @0..1 #0\nblock2:\n    unreachable @0..0 #1\n"),
            expect![[r#"4:1: block numbers must be dense, but block1 is not defined"#]],
        );
        check_error(
            &body("    unreachable @0..0 #0\nblock0:\n    unreachable @0..0 #1\n"),
            expect![[r#"4:1: block block0 defined twice"#]],
        );
        check_error(
            &body("    v1: dyn = frobnicate v0 @0..1 #0\n"),
            expect![[r#"3:15: unknown opcode "frobnicate""#]],
        );
        check_error(
            &body("    add v0, v0 @0..1 #0\n"),
            expect![[r#"3:5: `add` needs a result (`vN: type = `)"#]],
        );
        check_error(
            &body("    v1: dyn = return v0 @0..1 #0\n"),
            expect![[r#"3:5: `return` has no result"#]],
        );
        check_error(
            &body("    return v0 @0..1 #4294967295\n"),
            expect!["3:22: site id #4294967295 is too large"],
        );
        check_error(
            &body("    return v0 @0..1\n"),
            expect![[r##"3:20: expected "#", found end of line"##]],
        );
        check_error(
            &body("    return v0 @0..1 #0 extra\n"),
            expect![[r#"3:24: expected end of line, found "extra""#]],
        );
        check_error(
            &body("    v1: int = const.int 007 @0..1 #0\n"),
            expect![[r#"3:25: integer with leading zeros"#]],
        );
        check_error(
            &body("    v1: str = const.str \"a\\qb\" @0..1 #0\n"),
            expect![[r#"3:27: unknown escape "\\q""#]],
        );
        check_error(
            &body("    v1: str = const.str \"\\u{d800}\" @0..1 #0\n"),
            expect![[r#"3:26: invalid character \u{d800}"#]],
        );
        check_error(
            &body("    v1: str = const.str \"abc @0..1 #0\n"),
            expect![[r#"3:25: unterminated string"#]],
        );
        check_error(
            &body("    v1: dyn = call v0(k=v0, v0) @0..1 #0\n"),
            expect![[r#"3:29: positional argument after keyword argument"#]],
        );
        check_error(
            "function \"f\"() {\nblock0:\n    unreachable @0..0 #0\n",
            expect![[r#"4:1: unexpected end of input: expected "}" closing the function"#]],
        );
        check_error(
            "function \"f\"() {\n    unreachable @0..0 #0\n}\n",
            expect![[r#"2:5: instruction outside of a block"#]],
        );
        check_error(
            "fn \"f\"() {\n}\n",
            expect![[r#"1:1: expected `function`, found "fn""#]],
        );
        check_error(
            "function \"f\"(*) {\n}\n",
            expect![[r#"1:14: a lone `*` must be followed by a keyword-only parameter"#]],
        );
        check_error(
            "function \"f\"(/) {\n}\n",
            expect![[r#"1:14: `/` must follow the positional parameters, once"#]],
        );
        check_error(
            "function \"f\"(**kw, a) {\n}\n",
            expect![[r#"1:20: parameter after `**` parameter"#]],
        );
        check_error(
            "function \"f\"(*a, *b) {\n}\n",
            expect![[r#"1:18: second `*` in the signature"#]],
        );
    }

    #[test]
    fn parse_function_wants_exactly_one() {
        let two = "function \"f\"() {\n}\n\nfunction \"g\"() {\n}\n";
        assert_eq!(
            parse_function(two).map_err(|e| e.to_string()),
            Err("4:1: expected end of input after the function, found \"function\"".to_string())
        );
        assert_eq!(
            parse_function("; nothing\n").map_err(|e| e.to_string()),
            Err("2:1: expected a function, found end of input".to_string())
        );
    }
}
