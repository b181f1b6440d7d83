//! `str`: construction (with cached one-character strings), indexing and slicing by code
//! point (with an ASCII fast path), `repr`, and the str methods.

use crate::exceptions::{ExcKind, R, index_error, raise, type_error, value_error};
use crate::list::list_from_vec;
use crate::object::{Args, Kind, Ref, StrData, alloc_ref, is_kind, payload};
use crate::state::rt;
use crate::tuple::tuple_from_vec;
use crate::value::Value;

/// A new str object (never cached; safe to call while the runtime initializes).
pub fn str_from_string(s: String) -> Ref {
    let is_ascii = s.is_ascii();
    let char_len = if is_ascii { s.len() } else { s.chars().count() };
    alloc_ref(
        Kind::Str,
        StrData {
            text: s.into_boxed_str(),
            char_len,
            is_ascii,
            hash: std::cell::Cell::new(0),
        },
    )
}

/// A str with the given text (one-character and empty strs come from a cache).
pub fn str_from(s: &str) -> Ref {
    let b = s.as_bytes();
    if b.is_empty() {
        return Ref::dup(rt().empty_str);
    }
    if b.len() == 1 {
        return Ref::dup(rt().chars[b[0] as usize]);
    }
    str_from_string(s.to_string())
}

/// A str owning `s` (one-character and empty strs come from a cache).
pub fn str_from_owned(s: String) -> Ref {
    if s.len() <= 1 {
        str_from(&s)
    } else {
        str_from_string(s)
    }
}

/// The one-character str for `c`.
pub fn str_from_char(c: char) -> Ref {
    let cp = c as u32;
    if cp < 256 {
        return Ref::dup(rt().chars[cp as usize]);
    }
    str_from_string(c.to_string())
}

/// An immortal str interned by content (names, constants).
pub fn str_intern(s: &str) -> Value {
    let r = rt();
    if let Some(v) = r.interned.borrow().get(s) {
        return *v;
    }
    let v = crate::object::immortalize(str_from_string(s.to_string()).into_raw());
    r.interned.borrow_mut().insert(s.into(), v);
    v
}

/// Whether `v` is a str.
#[inline]
pub fn is_str(v: Value) -> bool {
    is_kind(v, Kind::Str)
}

/// The payload of a str value (the caller checked the kind).
#[inline]
pub fn str_data<'a>(v: Value) -> &'a StrData {
    debug_assert!(is_str(v));
    // SAFETY: `v` is a live str (callers check the kind).
    unsafe { payload::<StrData>(v) }
}

/// The text of a str value (the caller checked the kind).
#[inline]
pub fn as_str<'a>(v: Value) -> &'a str {
    &str_data(v).text
}

/// The text of `v` if it is a str.
#[inline]
pub fn str_opt<'a>(v: Value) -> Option<&'a str> {
    if is_str(v) { Some(as_str(v)) } else { None }
}

/// Length in code points.
#[inline]
pub fn str_len(v: Value) -> usize {
    str_data(v).char_len
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Whether `c` is printable in CPython's sense (approximated without the Unicode database
/// for unassigned code points).
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x20 || (0x7f..0xa0).contains(&cp) {
        return false;
    }
    if cp < 0x7f {
        return true;
    }
    !matches!(cp,
        0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x8e2 | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000
        | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..)
}

/// `repr(s)` of a str's text (`ascii_only` for `ascii()`).
pub fn repr_text(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
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
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Byte offset of code point `i` in `s` (`i <= char_len`).
pub fn byte_offset(d: &StrData, i: usize) -> usize {
    if d.is_ascii {
        return i;
    }
    d.text
        .char_indices()
        .nth(i)
        .map(|(b, _)| b)
        .unwrap_or(d.text.len())
}

/// Code point index of byte offset `b` in `s`.
fn char_index(d: &StrData, b: usize) -> usize {
    if d.is_ascii {
        b
    } else {
        d.text[..b].chars().count()
    }
}

/// `s[i]` (negative indices count from the end).
pub fn str_getindex(s: Value, i: i64) -> R<Ref> {
    let d = str_data(s);
    let n = d.char_len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return index_error("string index out of range");
    }
    if d.is_ascii {
        return Ok(Ref::dup(rt().chars[d.text.as_bytes()[j as usize] as usize]));
    }
    match d.text.chars().nth(j as usize) {
        Some(c) => Ok(str_from_char(c)),
        None => index_error("string index out of range"),
    }
}

/// `s[start:stop:step]` with indices already adjusted (see [`crate::ops::slice_indices`]).
pub fn str_getslice(s: Value, start: i64, stop: i64, step: i64) -> Ref {
    let d = str_data(s);
    if step == 1 {
        if start >= stop {
            return Ref::dup(rt().empty_str);
        }
        if start == 0 && stop as usize == d.char_len {
            return Ref::dup(s);
        }
        let (b0, b1) = if d.is_ascii {
            (start as usize, stop as usize)
        } else {
            (
                byte_offset(d, start as usize),
                byte_offset(d, stop as usize),
            )
        };
        return str_from(&d.text[b0..b1]);
    }
    let idx = crate::ops::slice_positions(start, stop, step);
    let mut out = String::new();
    if d.is_ascii {
        let b = d.text.as_bytes();
        for i in idx {
            out.push(b[i] as char);
        }
    } else {
        let chars: Vec<char> = d.text.chars().collect();
        for i in idx {
            out.push(chars[i]);
        }
    }
    str_from_owned(out)
}

/// Concatenation of two strs.
pub fn str_concat(a: Value, b: Value) -> Ref {
    let (x, y) = (as_str(a), as_str(b));
    if x.is_empty() {
        return Ref::dup(b);
    }
    if y.is_empty() {
        return Ref::dup(a);
    }
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(x);
    s.push_str(y);
    str_from_string(s)
}

/// `s * n`.
pub fn str_repeat(s: Value, n: i64) -> R<Ref> {
    if n <= 0 {
        return Ok(Ref::dup(rt().empty_str));
    }
    let t = as_str(s);
    if n == 1 {
        return Ok(Ref::dup(s));
    }
    if (t.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        return raise(ExcKind::MemoryError, "");
    }
    Ok(str_from_owned(t.repeat(n as usize)))
}

/// `sub in s`.
pub fn str_contains(s: Value, sub: Value) -> R<bool> {
    match str_opt(sub) {
        Some(t) => Ok(as_str(s).contains(t)),
        None => type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            crate::class::type_name(sub)
        )),
    }
}

/// `str(...)` constructor: `str()`, `str(x)`.
pub fn str_new_ctor(_cls: Value, args: Args<'_>) -> R<Ref> {
    let [x] = args.range::<1>("str", 0)?;
    match x {
        None => Ok(Ref::dup(rt().empty_str)),
        Some(v) => crate::ops::py_str(v),
    }
}

fn recv_str(recv: Value) -> R<&'static str> {
    match str_opt(recv) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            crate::class::type_name(recv)
        )),
    }
}

fn arg_str<'a>(v: Value, what: &str) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!("{what} arg must be None or str")),
    }
}

fn must_str<'a>(v: Value, fname: &str) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "{fname}() argument must be str, not {}",
            crate::class::type_name(v)
        )),
    }
}

fn bool_ref(b: bool) -> R<Ref> {
    Ok(Ref::new(Value::from_bool(b)))
}

fn int_ref(i: i64) -> R<Ref> {
    Ok(crate::int::int_from_i64(i))
}

fn strs_to_list(parts: Vec<&str>) -> R<Ref> {
    Ok(list_from_vec(parts.into_iter().map(str_from).collect()))
}

/// Resolves optional `start`/`end` (code point indices, None allowed) to a byte range.
fn sub_range(s: Value, start: Option<Value>, end: Option<Value>) -> R<Option<(usize, usize)>> {
    let d = str_data(s);
    let n = d.char_len as i64;
    let get = |v: Option<Value>, default: i64| -> R<i64> {
        match v {
            None => Ok(default),
            Some(x) if x.is_none() => Ok(default),
            Some(x) => crate::int::index_i64(x),
        }
    };
    let mut a = get(start, 0)?;
    let mut b = get(end, n)?;
    if a < 0 {
        a = a.saturating_add(n).max(0);
    }
    if b < 0 {
        b = b.saturating_add(n).max(0);
    }
    let b = b.min(n);
    if a > n || a > b {
        return Ok(None);
    }
    Ok(Some((
        byte_offset(d, a as usize),
        byte_offset(d, b as usize),
    )))
}

fn find_impl(recv: Value, args: Args<'_>, name: &str, rev: bool) -> R<Option<usize>> {
    let s = recv_str(recv)?;
    let [sub, start, end] = args.range::<3>(name, 1)?;
    let sub = must_str(sub.unwrap_or(Value::NONE), name)?;
    let Some((b0, b1)) = sub_range(recv, start, end)? else {
        return Ok(None);
    };
    let hay = &s[b0..b1];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|b| char_index(str_data(recv), b0 + b)))
}

fn m_find(recv: Value, args: Args<'_>) -> R<Ref> {
    int_ref(
        find_impl(recv, args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    )
}

fn m_rfind(recv: Value, args: Args<'_>) -> R<Ref> {
    int_ref(
        find_impl(recv, args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    )
}

fn m_index(recv: Value, args: Args<'_>) -> R<Ref> {
    match find_impl(recv, args, "index", false)? {
        Some(i) => int_ref(i as i64),
        None => value_error("substring not found"),
    }
}

fn m_rindex(recv: Value, args: Args<'_>) -> R<Ref> {
    match find_impl(recv, args, "rindex", true)? {
        Some(i) => int_ref(i as i64),
        None => value_error("substring not found"),
    }
}

fn m_count(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [sub, start, end] = args.range::<3>("count", 1)?;
    let sub = must_str(sub.unwrap_or(Value::NONE), "count")?;
    let Some((b0, b1)) = sub_range(recv, start, end)? else {
        return int_ref(0);
    };
    let hay = &s[b0..b1];
    if sub.is_empty() {
        return int_ref(hay.chars().count() as i64 + 1);
    }
    int_ref(hay.matches(sub).count() as i64)
}

fn affix_impl(recv: Value, args: Args<'_>, name: &str, suffix: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    let [pat, start, end] = args.range::<3>(name, 1)?;
    let pat = pat.unwrap_or(Value::NONE);
    let Some((b0, b1)) = sub_range(recv, start, end)? else {
        return bool_ref(false);
    };
    let hay = &s[b0..b1];
    let check = |p: &str| {
        if suffix {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    if let Some(p) = str_opt(pat) {
        return bool_ref(check(p));
    }
    if is_kind(pat, Kind::Tuple) {
        for item in crate::tuple::tuple_items(pat) {
            match str_opt(*item) {
                Some(p) => {
                    if check(p) {
                        return bool_ref(true);
                    }
                }
                None => {
                    return type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        crate::class::type_name(*item)
                    ));
                }
            }
        }
        return bool_ref(false);
    }
    type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        crate::class::type_name(pat)
    ))
}

fn m_startswith(recv: Value, args: Args<'_>) -> R<Ref> {
    affix_impl(recv, args, "startswith", false)
}

fn m_endswith(recv: Value, args: Args<'_>) -> R<Ref> {
    affix_impl(recv, args, "endswith", true)
}

/// Splits on runs of whitespace (`str.split()` with no separator).
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(py_isspace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_args(args: Args<'_>, name: &str) -> R<(Option<&'static str>, i64)> {
    let [sep, maxsplit] = args.bind(name, &["sep", "maxsplit"], 0)?;
    let sep = match sep {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => Some(must_str(v, name)?),
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => crate::int::index_i64(v)?,
    };
    if sep == Some("") {
        return value_error("empty separator");
    }
    Ok((sep, maxsplit))
}

fn m_split(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (sep, maxsplit) = split_args(args, "split")?;
    match sep {
        None => strs_to_list(split_whitespace(s, maxsplit)),
        Some(sep) => {
            if maxsplit < 0 {
                strs_to_list(s.split(sep).collect())
            } else {
                strs_to_list(s.splitn(maxsplit as usize + 1, sep).collect())
            }
        }
    }
}

fn m_rsplit(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (sep, maxsplit) = split_args(args, "rsplit")?;
    match sep {
        None => strs_to_list(rsplit_whitespace(s, maxsplit)),
        Some(sep) => {
            let mut parts: Vec<&str> = if maxsplit < 0 {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep).collect()
            };
            parts.reverse();
            strs_to_list(parts)
        }
    }
}

/// Line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn m_splitlines(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [keepends] = args.bind("splitlines", &["keepends"], 0)?;
    let keep = match keepends {
        Some(v) => crate::ops::is_true(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keep { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    strs_to_list(out)
}

fn m_join(recv: Value, args: Args<'_>) -> R<Ref> {
    let sep = recv_str(recv)?;
    let [it] = args.exact("join")?;
    let items = crate::iter::collect_vec(it)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Some(t) = str_opt(item.v()) else {
            return type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                crate::class::type_name(item.v())
            ));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    Ok(str_from_owned(out))
}

fn strip_impl(recv: Value, args: Args<'_>, name: &str, left: bool, right: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    let [chars] = args.range::<1>(name, 0)?;
    let out = match chars {
        Some(c) if !c.is_none() => {
            let set: Vec<char> = arg_str(c, name)?.chars().collect();
            let f = |ch: char| set.contains(&ch);
            match (left, right) {
                (true, true) => s.trim_matches(f),
                (true, false) => s.trim_start_matches(f),
                _ => s.trim_end_matches(f),
            }
        }
        _ => match (left, right) {
            (true, true) => s.trim_matches(py_isspace),
            (true, false) => s.trim_start_matches(py_isspace),
            _ => s.trim_end_matches(py_isspace),
        },
    };
    if out.len() == s.len() {
        Ok(Ref::dup(recv))
    } else {
        Ok(str_from(out))
    }
}

fn m_strip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "strip", true, true)
}

fn m_lstrip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "lstrip", true, false)
}

fn m_rstrip(recv: Value, args: Args<'_>) -> R<Ref> {
    strip_impl(recv, args, "rstrip", false, true)
}

fn m_replace(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [old, new, count] = args.range::<3>("replace", 2)?;
    let old = must_str(old.unwrap_or(Value::NONE), "replace")?;
    let new = must_str(new.unwrap_or(Value::NONE), "replace")?;
    let count = match count {
        Some(c) => crate::int::index_i64(c)?,
        None => -1,
    };
    if count < 0 {
        Ok(str_from_owned(s.replace(old, new)))
    } else {
        Ok(str_from_owned(s.replacen(old, new, count as usize)))
    }
}

fn m_upper(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("upper")?;
    Ok(str_from_owned(s.to_uppercase()))
}

fn m_lower(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("lower")?;
    Ok(str_from_owned(s.to_lowercase()))
}

fn m_casefold(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("casefold")?;
    Ok(str_from_owned(s.to_lowercase().replace('ß', "ss")))
}

fn m_swapcase(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("swapcase")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(str_from_owned(out))
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

fn m_capitalize(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("capitalize")?;
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    Ok(str_from_owned(out))
}

fn m_title(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("title")?;
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = is_cased(c);
    }
    Ok(str_from_owned(out))
}

fn pred_all(recv: Value, args: Args<'_>, name: &str, f: fn(char) -> bool) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none(name)?;
    bool_ref(!s.is_empty() && s.chars().all(f))
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric() && c.to_digit(10).is_some())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉')
        || (!c.is_ascii() && c.is_numeric() && !matches!(c, '¼'..='¾' | '⅐'..='⅟'))
}

fn m_isdigit(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isdigit", is_digit)
}

fn m_isdecimal(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isdecimal", is_decimal)
}

fn m_isnumeric(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isnumeric", |c| c.is_numeric())
}

fn m_isalpha(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isalpha", |c| c.is_alphabetic())
}

fn m_isalnum(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isalnum", |c| c.is_alphanumeric())
}

fn m_isspace(recv: Value, args: Args<'_>) -> R<Ref> {
    pred_all(recv, args, "isspace", py_isspace)
}

fn m_isascii(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("isascii")?;
    bool_ref(s.is_ascii())
}

fn m_isupper(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("isupper")?;
    bool_ref(s.chars().any(is_cased) && !s.chars().any(|c| c.is_lowercase()))
}

fn m_islower(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("islower")?;
    bool_ref(s.chars().any(is_cased) && !s.chars().any(|c| c.is_uppercase()))
}

fn m_istitle(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("istitle")?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return bool_ref(false);
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return bool_ref(false);
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    bool_ref(any)
}

fn m_isidentifier(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("isidentifier")?;
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) => {
            (c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
        }
        None => false,
    };
    bool_ref(ok)
}

fn m_isprintable(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    args.none("isprintable")?;
    bool_ref(s.chars().all(|c| c == ' ' || is_printable(c)))
}

fn partition_impl(recv: Value, args: Args<'_>, name: &str, rev: bool) -> R<Ref> {
    let s = recv_str(recv)?;
    let [sep] = args.exact(name)?;
    let sep = must_str(sep, name)?;
    if sep.is_empty() {
        return value_error("empty separator");
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => vec![
            str_from(&s[..i]),
            str_from(sep),
            str_from(&s[i + sep.len()..]),
        ],
        None if rev => vec![str_from(""), str_from(""), Ref::dup(recv)],
        None => vec![Ref::dup(recv), str_from(""), str_from("")],
    };
    Ok(tuple_from_vec(parts))
}

fn m_partition(recv: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(recv, args, "partition", false)
}

fn m_rpartition(recv: Value, args: Args<'_>) -> R<Ref> {
    partition_impl(recv, args, "rpartition", true)
}

fn m_zfill(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [w] = args.exact("zfill")?;
    let width = crate::int::index_i64(w)?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let fill = "0".repeat((width - n) as usize);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{fill}{}", &s[1..]),
        _ => format!("{fill}{s}"),
    };
    Ok(str_from_owned(out))
}

fn pad_args(recv: Value, args: Args<'_>, name: &str) -> R<(i64, char)> {
    let [w, fill] = args.range::<2>(name, 1)?;
    let width = crate::int::index_i64(w.unwrap_or(Value::NONE))?;
    let fill = match fill {
        None => ' ',
        Some(f) => {
            let t = match str_opt(f) {
                Some(t) => t,
                None => {
                    return type_error(format!(
                        "{name}() argument 2 must be str, not {}",
                        crate::class::type_name(f)
                    ));
                }
            };
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return type_error("The fill character must be exactly one character long"),
            }
        }
    };
    let _ = recv;
    Ok((width, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn m_center(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "center")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    Ok(str_from_owned(pad(
        s,
        left as usize,
        (marg - left) as usize,
        fill,
    )))
}

fn m_ljust(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "ljust")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    Ok(str_from_owned(pad(s, 0, (width - n) as usize, fill)))
}

fn m_rjust(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let (width, fill) = pad_args(recv, args, "rjust")?;
    let n = str_len(recv) as i64;
    if width <= n {
        return Ok(Ref::dup(recv));
    }
    Ok(str_from_owned(pad(s, (width - n) as usize, 0, fill)))
}

fn m_expandtabs(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [ts] = args.bind("expandtabs", &["tabsize"], 0)?;
    let ts = match ts {
        Some(v) => crate::int::index_i64(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(str_from_owned(out))
}

fn m_removeprefix(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [p] = args.exact("removeprefix")?;
    let p = must_str(p, "removeprefix")?;
    match s.strip_prefix(p) {
        Some(rest) if !p.is_empty() => Ok(str_from(rest)),
        _ => Ok(Ref::dup(recv)),
    }
}

fn m_removesuffix(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    let [p] = args.exact("removesuffix")?;
    let p = must_str(p, "removesuffix")?;
    match s.strip_suffix(p) {
        Some(rest) if !p.is_empty() => Ok(str_from(rest)),
        _ => Ok(Ref::dup(recv)),
    }
}

fn m_format(recv: Value, args: Args<'_>) -> R<Ref> {
    let s = recv_str(recv)?;
    Ok(str_from_owned(crate::format::str_format(s, args)?))
}

fn m_encode(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_str(recv)?;
    let _ = args;
    raise(
        ExcKind::NotImplementedError,
        "str.encode() is not supported (there is no bytes type yet)",
    )
}

/// The methods of `str`.
pub const METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("find", m_find),
    ("rfind", m_rfind),
    ("index", m_index),
    ("rindex", m_rindex),
    ("count", m_count),
    ("startswith", m_startswith),
    ("endswith", m_endswith),
    ("split", m_split),
    ("rsplit", m_rsplit),
    ("splitlines", m_splitlines),
    ("join", m_join),
    ("strip", m_strip),
    ("lstrip", m_lstrip),
    ("rstrip", m_rstrip),
    ("replace", m_replace),
    ("upper", m_upper),
    ("lower", m_lower),
    ("casefold", m_casefold),
    ("swapcase", m_swapcase),
    ("capitalize", m_capitalize),
    ("title", m_title),
    ("isdigit", m_isdigit),
    ("isdecimal", m_isdecimal),
    ("isnumeric", m_isnumeric),
    ("isalpha", m_isalpha),
    ("isalnum", m_isalnum),
    ("isspace", m_isspace),
    ("isascii", m_isascii),
    ("isupper", m_isupper),
    ("islower", m_islower),
    ("istitle", m_istitle),
    ("isidentifier", m_isidentifier),
    ("isprintable", m_isprintable),
    ("partition", m_partition),
    ("rpartition", m_rpartition),
    ("zfill", m_zfill),
    ("center", m_center),
    ("ljust", m_ljust),
    ("rjust", m_rjust),
    ("expandtabs", m_expandtabs),
    ("removeprefix", m_removeprefix),
    ("removesuffix", m_removesuffix),
    ("format", m_format),
    ("encode", m_encode),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_and_escapes_like_cpython() {
        assert_eq!(repr_text("a'b", false), "\"a'b\"");
        assert_eq!(repr_text("a\"b'", false), "'a\"b\\''");
        assert_eq!(
            repr_text("\x00\t\n\u{e9}\u{200b}\u{1f600}", false),
            "'\\x00\\t\\n\u{e9}\\u200b\u{1f600}'"
        );
        assert_eq!(repr_text("\u{e9}", true), "'\\xe9'");
    }

    #[test]
    fn slicing_counts_code_points() {
        let s = str_from("h\u{e9}llo w\u{f6}rld");
        let sl = str_getslice(s.v(), 1, 5, 1);
        assert_eq!(as_str(sl.v()), "\u{e9}llo");
        let rev = str_getslice(s.v(), 10, -1, -1);
        assert_eq!(as_str(rev.v()), "dlr\u{f6}w oll\u{e9}h");
        let c = str_getindex(s.v(), -4).unwrap();
        assert_eq!(as_str(c.v()), "\u{f6}");
        assert!(str_getindex(s.v(), 11).is_err());
        drop(crate::exceptions::take_pending());
        let ascii = str_from("abcdef");
        assert_eq!(as_str(str_getslice(ascii.v(), 0, 6, 2).v()), "ace");
    }

    #[test]
    fn whitespace_split_matches_cpython() {
        assert_eq!(split_whitespace(" a b ", -1), vec!["a", "b"]);
        assert_eq!(split_whitespace("a b c ", 1), vec!["a", "b c "]);
        assert_eq!(rsplit_whitespace(" a b c", 1), vec![" a b", "c"]);
        assert!(split_whitespace("   ", -1).is_empty());
    }
}
