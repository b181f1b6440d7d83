//! Formatting: the format-spec mini-language (`format()`, f-strings, `str.format`) for ints,
//! floats and strs, printf-style `%` formatting, and `str.format` field parsing — with
//! CPython's output and error messages.
//!
//! Reference: CPython 3.11 `Python/formatter_unicode.c`, `Objects/unicodeobject.c`
//! (`PyUnicode_Format`), `Objects/stringlib/unicode_format.h`.

use crate::exceptions::{R, index_error, key_error, type_error, value_error};
use crate::float::{float_repr, format_exp, format_general};
use crate::int::{IntV, int_to_f64, int_view};
use crate::object::{Args, Kind, Ref, is_kind};
use crate::str::{as_str, str_opt};
use crate::value::Value;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`, if given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: negative zero becomes positive.
    pub z: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// Minimum width.
    pub width: usize,
    /// `,` or `_`, if given.
    pub grouping: Option<char>,
    /// Precision, if given.
    pub precision: Option<usize>,
    /// Presentation type, if given.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Parses a format spec (`default_align` is `>` for numbers, `<` for strs).
pub fn parse_spec(spec: &str, type_name: &str, default_align: char) -> R<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut i = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_given = true;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if !fill_given && i < chars.len() && chars[i] == '0' {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        // CPython's limit is `Py_ssize_t` (64-bit); a width that cannot be allocated (or
        // held in a wasm32 `usize`) is a `MemoryError`.
        let Some(w) = w.parse::<u64>().ok().filter(|w| *w <= i64::MAX as u64) else {
            return value_error("Too many decimal digits in format string");
        };
        crate::int::check_alloc(w, s.fill.len_utf8())?;
        s.width = usize::try_from(w).or_else(|_| crate::int::memory_error())?;
    }
    if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        // A repeated separator is not consumed: it is the type (`,,` is "Cannot specify
        // ',' with ','.") or the start of an invalid rest (`__f`).
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') && chars[i] != chars[i - 1] {
            return value_error("Cannot specify both ',' and '_'.");
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return value_error("Format specifier missing precision");
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(p.parse().unwrap_or(usize::MAX));
        if s.precision.unwrap_or(0) > (1 << 24) {
            return value_error("Too many decimal digits in format string");
        }
    }
    if chars.len() - i > 1 {
        return value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            return value_error(format!(
                "Cannot specify '{g}' with '{}'.",
                s.ty.unwrap_or(' ')
            ));
        }
    }
    Ok(s)
}

/// Inserts group separators into a string of digits, padding with zeros to `min_width`
/// (CPython's zero padding under `=` alignment is grouped too).
fn group_digits(
    digits: &str,
    sep: Option<char>,
    every: usize,
    min_width: usize,
    zero_pad: bool,
) -> String {
    let Some(sep) = sep else {
        if zero_pad && digits.len() < min_width {
            return format!("{}{}", "0".repeat(min_width - digits.len()), digits);
        }
        return digits.to_string();
    };
    let ds: Vec<char> = digits.chars().collect();
    let mut out: Vec<char> = Vec::new();
    let mut count = 0;
    let mut idx = ds.len();
    loop {
        let have_digit = idx > 0;
        let need_more = zero_pad && out.len() < min_width;
        if !have_digit && !need_more {
            break;
        }
        if count == every {
            out.push(sep);
            count = 0;
            if !have_digit && zero_pad && out.len() >= min_width {
                // Never start with a separator.
                out.push('0');
                break;
            }
        }
        if have_digit {
            idx -= 1;
            out.push(ds[idx]);
        } else {
            out.push('0');
        }
        count += 1;
    }
    out.reverse();
    out.into_iter().collect()
}

/// Pads `body` (with `sign_prefix` before it) to the spec's width and alignment.
fn align_number(sign_prefix: &str, body: &str, spec: &Spec) -> String {
    let len = sign_prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        return format!("{sign_prefix}{body}");
    }
    let pad = spec.width - len;
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n).collect::<String>();
    match spec.align.unwrap_or('>') {
        '<' => format!("{sign_prefix}{body}{}", fill(pad)),
        '^' => format!(
            "{}{sign_prefix}{body}{}",
            fill(pad / 2),
            fill(pad - pad / 2)
        ),
        '=' => format!("{sign_prefix}{}{body}", fill(pad)),
        _ => format!("{}{sign_prefix}{body}", fill(pad)),
    }
}

fn sign_str(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(i, spec)` for ints.
pub fn format_int(i: IntV<'_>, spec: &Spec) -> R<String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(int_to_f64(i)?, spec);
    }
    if spec.precision.is_some() {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.z {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    let big = i.to_big();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let mag = big.magnitude();
    let (digits, prefix, every) = match ty {
        'd' | 'n' => {
            // The decimal digit limit (sys.set_int_max_str_digits) applies.
            let s = crate::int::int_to_string(IntV::Big(&num_bigint::BigInt::from(mag.clone())))?;
            (s, "", 3)
        }
        'b' => (mag.to_str_radix(2), "0b", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        'c' => {
            if spec.sign.is_some() {
                return value_error("Sign not allowed with integer format specifier 'c'");
            }
            if spec.alt {
                return value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                );
            }
            // CPython converts to a C long first: outside it, its own OverflowError.
            let Some(c) = i.to_i64() else {
                return crate::exceptions::overflow_error(
                    "Python int too large to convert to C long",
                );
            };
            if (0xD800..=0xDFFF).contains(&c) {
                return crate::str::lone_surrogate_error("format() with 'c'", c as u32);
            }
            let cp = Some(c).filter(|c| (0..=0x10ffff).contains(c));
            let Some(ch) = cp.and_then(|c| char::from_u32(c as u32)) else {
                return crate::exceptions::overflow_error("%c arg not in range(0x110000)");
            };
            let body = ch.to_string();
            return Ok(align_number("", &body, spec));
        }
        t => {
            return value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            ));
        }
    };
    let sign = sign_str(negative, spec);
    let prefix = if spec.alt { prefix } else { "" };
    let sp = format!("{sign}{prefix}");
    let zero_pad = spec.fill == '0' && spec.align == Some('=');
    let min = if zero_pad {
        spec.width.saturating_sub(sp.chars().count())
    } else {
        0
    };
    let body = group_digits(&digits, spec.grouping, every, min, zero_pad);
    Ok(align_number(&sp, &body, spec))
}

/// `format(x, spec)` for floats.
pub fn format_float(x: f64, spec: &Spec) -> R<String> {
    let mut ty = spec.ty;
    let mut value = x;
    let mut suffix = "";
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return value_error(format!(
                "Unknown format code '{t}' for object of type 'float'"
            ));
        }
    }
    if ty == Some('%') {
        value *= 100.0;
        suffix = "%";
        ty = Some('f');
    }
    if ty == Some('n') {
        ty = Some('g');
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = value.is_sign_negative() && !value.is_nan();
    let a = value.abs();
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    } else {
        match ty {
            None => match spec.precision {
                None => float_repr(a),
                Some(p) => format_general(a, p, false, spec.alt, true),
            },
            Some('f' | 'F') => {
                let p = spec.precision.unwrap_or(6);
                let s = format!("{:.*}", p, a);
                if spec.alt && p == 0 {
                    format!("{s}.")
                } else {
                    s
                }
            }
            Some('e' | 'E') => {
                let p = spec.precision.unwrap_or(6);
                let s = format_exp(a, p, upper);
                if spec.alt && p == 0 {
                    match s.split_once(if upper { 'E' } else { 'e' }) {
                        Some((m, e)) => format!("{m}.{}{e}", if upper { 'E' } else { 'e' }),
                        None => s,
                    }
                } else {
                    s
                }
            }
            _ => format_general(a, spec.precision.unwrap_or(6), upper, spec.alt, false),
        }
    };
    body.push_str(suffix);
    if spec.z
        && negative
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | '%' | 'e' | 'E' | '+' | '-'))
    {
        negative = false;
    }
    let sign = sign_str(negative, spec);
    // Group the integer part.
    let zero_pad = spec.fill == '0' && spec.align == Some('=');
    if (spec.grouping.is_some() || zero_pad) && a.is_finite() {
        let int_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (int_part, rest) = body.split_at(int_end);
        let min = if zero_pad {
            spec.width.saturating_sub(sign.len() + rest.chars().count())
        } else {
            0
        };
        body = format!(
            "{}{}",
            group_digits(int_part, spec.grouping, 3, min, zero_pad),
            rest
        );
    }
    Ok(align_number(sign, &body, spec))
}

/// `format(z, spec)` for complex numbers, as CPython 3.11's `format_complex_internal`: each
/// part is formatted as a float with the spec's type (`e E f F g G n`), precision, `#`, `z`
/// and grouping; the imaginary part always shows its sign unless the real part is left
/// out, and the spec's width, fill and alignment apply to the whole text. Without a type
/// the parts are their shortest repr (`g` when a precision is given) without a `.0`, in
/// parentheses unless the real part is a positive zero, which is then left out, as
/// `repr(z)` does. Zero padding, `=` alignment and other types are CPython's `ValueError`s.
pub fn format_complex(re: f64, im: f64, spec: &str) -> R<String> {
    let sp = parse_spec(spec, "complex", '>')?;
    if let Some(t) = sp.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return value_error(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            ));
        }
    }
    if sp.fill == '0' {
        return value_error("Zero padding is not allowed in complex format specifier");
    }
    if sp.align == Some('=') {
        return value_error("'=' alignment flag is not allowed in complex format specifier");
    }
    let (mut skip_re, mut parens) = (false, false);
    let mut ty = sp.ty;
    if ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
        if sp.precision.is_some() {
            ty = Some('g');
        }
    }
    let part = |x: f64, sign: Option<char>| -> R<String> {
        let part_spec = Spec {
            fill: ' ',
            align: None,
            sign,
            z: sp.z,
            alt: sp.alt,
            width: 0,
            grouping: sp.grouping,
            precision: sp.precision,
            ty,
        };
        if ty.is_some() {
            return format_float(x, &part_spec);
        }
        // The shortest repr without `.0` (CPython's type 'r'), a `.` kept by `#`.
        let mut negative = x.is_sign_negative() && !x.is_nan();
        if part_spec.z && x == 0.0 {
            negative = false;
        }
        let a = x.abs();
        let mut body = float_repr(a);
        if let Some(t) = body.strip_suffix(".0") {
            body = t.to_owned();
        }
        if part_spec.alt && a.is_finite() && !body.contains('.') {
            match body.find('e') {
                Some(e) => body.insert(e, '.'),
                None => body.push('.'),
            }
        }
        if part_spec.grouping.is_some() && a.is_finite() {
            let int_end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let (int_part, rest) = body.split_at(int_end);
            body = format!(
                "{}{rest}",
                group_digits(int_part, part_spec.grouping, 3, 0, false)
            );
        }
        Ok(format!("{}{body}", sign_str(negative, &part_spec)))
    };
    let mut text = String::new();
    if parens {
        text.push('(');
    }
    if !skip_re {
        text.push_str(&part(re, sp.sign)?);
    }
    text.push_str(&part(im, if skip_re { sp.sign } else { Some('+') })?);
    text.push('j');
    if parens {
        text.push(')');
    }
    let whole = Spec {
        align: Some(sp.align.unwrap_or('>')),
        ..sp
    };
    Ok(align_number("", &text, &whole))
}

/// `format(s, spec)` for strs.
pub fn format_str(s: &str, spec: &Spec) -> R<String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ));
        }
    }
    if spec.sign.is_some() {
        return value_error("Sign not allowed in string format specifier");
    }
    if spec.z {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alt {
        return value_error("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some('=') {
        return value_error("'=' alignment not allowed in string format specifier");
    }
    if spec.grouping.is_some() {
        return value_error(format!(
            "Cannot specify '{}' with 's'.",
            spec.grouping.unwrap_or(',')
        ));
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let n = text.chars().count();
    if n >= spec.width {
        return Ok(text);
    }
    let pad = spec.width - n;
    let fill = |k: usize| std::iter::repeat_n(spec.fill, k).collect::<String>();
    Ok(match spec.align.unwrap_or('<') {
        '>' => format!("{}{text}", fill(pad)),
        '^' => format!("{}{text}{}", fill(pad / 2), fill(pad - pad / 2)),
        _ => format!("{text}{}", fill(pad)),
    })
}

/// `format(v, spec)`.
pub fn format_value(v: Value, spec: &str) -> R<Ref> {
    if crate::str::is_str(v) {
        let s = crate::str::as_str(v);
        if spec.is_empty() {
            return Ok(Ref::dup(v));
        }
        let sp = parse_spec(spec, "str", '<')?;
        let text = format_str(s, &sp)?;
        // Neither padded nor cut: the str itself, as in CPython.
        let n = crate::str::str_len(v);
        if sp.precision.is_none_or(|p| p >= n) && sp.width <= n {
            return Ok(Ref::dup(v));
        }
        return Ok(crate::str::str_from_owned(text));
    }
    if spec.is_empty() && !is_kind(v, Kind::Instance) {
        return crate::ops::py_str(v);
    }
    if let Some(i) = int_view(v) {
        let sp = parse_spec(spec, "int", '>')?;
        return Ok(crate::str::str_from_owned(format_int(i, &sp)?));
    }
    if v.is_float() {
        let sp = parse_spec(spec, "float", '>')?;
        return Ok(crate::str::str_from_owned(format_float(v.as_f64(), &sp)?));
    }
    if crate::complex::is_complex(v) {
        return Ok(crate::str::str_from_owned(crate::complex::complex_format(
            v, spec,
        )?));
    }
    if is_kind(v, Kind::Instance) {
        let spec_v = crate::str::str_from(spec);
        if let Some(r) = crate::class::call_dunder(v, "__format__", &[spec_v.v()])? {
            if str_opt(r.v()).is_none() {
                return type_error(format!(
                    "__format__ must return a str, not {}",
                    crate::class::type_name(r.v())
                ));
            }
            return Ok(r);
        }
        if spec.is_empty() {
            return crate::ops::py_str(v);
        }
    }
    type_error(format!(
        "unsupported format string passed to {}.__format__",
        crate::class::type_name(v)
    ))
}

// ---------------------------------------------------------------------------------------
// printf-style formatting

fn pad_printf(body: String, width: usize, left: bool) -> String {
    let n = body.chars().count();
    if n >= width {
        return body;
    }
    if left {
        format!("{body}{}", " ".repeat(width - n))
    } else {
        format!("{}{body}", " ".repeat(width - n))
    }
}

/// `fmt % args`.
pub fn percent_format(fmt: &str, args: Value) -> R<String> {
    percent_format_impl(fmt, args, false)
}

/// `fmt % args` when `fmt` is one `%s`, `%r` or `%a` conversion and nothing else (an
/// optional `(key)` with an exact dict `args`, `-` flags, digits for the width and
/// precision) with one value: when its text is neither padded nor cut, the str object the
/// conversion gave, as CPython's formatting returns it (`"%s" % s is s`). `None` for any
/// other format, before anything is converted (then [`percent_format`] builds the text,
/// and raises its errors).
pub fn percent_single(fmt: &str, args: Value) -> R<Option<Ref>> {
    let Some(rest) = fmt.strip_prefix('%') else {
        return Ok(None);
    };
    let (key, rest) = match rest.strip_prefix('(') {
        Some(r) => match r.split_once(')') {
            Some((k, r)) if !k.contains('(') => (Some(k), r),
            _ => return Ok(None),
        },
        None => (None, rest),
    };
    let left = rest.starts_with('-');
    let rest = rest.trim_start_matches('-');
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    // Small numbers only (a huge width is the general path's error).
    let number = |d: &str| d.parse::<usize>().ok().filter(|n| *n < 1 << 20);
    let w = digits(rest);
    let width = if w == 0 {
        0
    } else {
        match number(&rest[..w]) {
            Some(n) => n,
            None => return Ok(None),
        }
    };
    let rest = &rest[w..];
    let (prec, rest) = match rest.strip_prefix('.') {
        Some(r) => {
            let p = digits(r);
            match number(&r[..p]) {
                Some(n) => (Some(n), &r[p..]),
                None => return Ok(None),
            }
        }
        None => (None, rest),
    };
    let conv = match rest {
        "s" | "r" | "a" => rest,
        _ => return Ok(None),
    };
    let arg = match key {
        Some(k) => {
            if !crate::dict::is_dict(args) {
                return Ok(None);
            }
            let k = crate::str::str_from(k);
            crate::ops::getitem(args, k.v())?
        }
        None if crate::tuple::is_tuple(args) => match crate::tuple::tuple_items(args) {
            [one] => Ref::dup(*one),
            _ => return Ok(None),
        },
        // A tuple subclass's items are the values: left to the general path.
        None if crate::tuple::is_tuple(crate::class::unwrap_value(args)) => return Ok(None),
        None => Ref::dup(args),
    };
    let text = match conv {
        "s" => crate::ops::py_str(arg.v())?,
        "r" => crate::ops::py_repr(arg.v())?,
        _ => crate::ops::py_ascii(arg.v())?,
    };
    let s = str_opt(text.v()).unwrap_or("");
    let n = s.chars().count();
    // (A str subclass instance from `__str__` too, as CPython.)
    if width <= n && prec.is_none_or(|p| p >= n) {
        return Ok(Some(text));
    }
    let cut: String = s.chars().take(prec.unwrap_or(n)).collect();
    Ok(Some(crate::str::str_from_owned(pad_printf(
        cut, width, left,
    ))))
}

/// `data % args` for a bytes-like `data`: as [`percent_format`] over the bytes taken as
/// Latin-1 text, with `%s`/`%b` taking bytes-like objects (or `__bytes__`), `%r`/`%a`
/// giving `ascii()`, `%c` an int below 256 or a single byte, and mapping keys as bytes.
pub fn bytes_percent_format(data: &[u8], args: Value) -> R<Vec<u8>> {
    let fmt: String = data.iter().map(|b| *b as char).collect();
    let out = percent_format_impl(&fmt, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The Latin-1 text of the bytes `%s`/`%b` insert for `v` in bytes formatting.
fn bytes_arg_text(v: Value) -> R<String> {
    if crate::memoryview::is_memoryview(v) {
        // Any view, contiguous or not (CPython copies a full buffer).
        let d = crate::memoryview::view_bytes(v)?;
        return Ok(d.iter().map(|b| *b as char).collect());
    }
    if let Some(d) = crate::bytes::buffer_of(v)? {
        return Ok(d.iter().map(|b| *b as char).collect());
    }
    if is_kind(v, Kind::Instance)
        && let Some(r) = crate::class::call_dunder(v, "__bytes__", &[])?
        && let Some(d) = crate::bytes::bytes_like(r.v())
    {
        return Ok(d.iter().map(|b| *b as char).collect());
    }
    type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        crate::class::type_name(v)
    ))
}

fn percent_format_impl(fmt: &str, args: Value, bytes: bool) -> R<String> {
    // A tuple subclass's instance (a namedtuple) supplies its items as a tuple does.
    let tuple_value = crate::class::unwrap_value(args);
    let tuple_args = crate::tuple::is_tuple(tuple_value);
    // CPython's `PyMapping_Check` (a type with item access), less tuples and strs (and for
    // bytes formatting, bytes and bytearrays): what `%(key)s` reads, and what may be given
    // with arguments left unused.
    let is_mapping = !tuple_args
        && match crate::object::kind_of(args) {
            Some(Kind::Dict | Kind::List | Kind::Range | Kind::MemoryView) => true,
            Some(Kind::Bytes | Kind::ByteArray) => !bytes,
            Some(Kind::Instance) => {
                crate::class::has_dunder(args, "__getitem__")
                    && !crate::str::is_str(crate::class::unwrap_value(args))
            }
            _ => false,
        };
    // The values, as CPython's formatting context: a tuple's items one by one, any other
    // object once (`arglen` -1); a `(key)` makes the mapping's value the one to take next.
    let mut current: Ref = Ref::dup(args);
    let (mut arglen, mut argidx): (i64, i64) = if tuple_args {
        (crate::tuple::tuple_items(tuple_value).len() as i64, 0)
    } else {
        (-1, -2)
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let take_arg = |current: &Ref, arglen: i64, argidx: &mut i64| -> R<Value> {
        if *argidx < arglen {
            *argidx += 1;
            if arglen < 0 {
                Ok(current.v())
            } else {
                Ok(crate::tuple::tuple_items(tuple_value)[(*argidx - 1) as usize])
            }
        } else {
            type_error("not enough arguments for format string")
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return value_error("incomplete format");
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if chars[i] == '(' {
            if !is_mapping {
                return type_error("format requires a mapping");
            }
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return value_error("incomplete format key");
            }
            let key: String = chars[kstart..i - 1].iter().collect();
            let k = if bytes {
                crate::bytes::bytes_from_vec(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                crate::str::str_from_owned(key)
            };
            current = crate::ops::getitem(args, k.v())?;
            (arglen, argidx) = (-1, -2);
        }
        // Flags.
        let (mut left, mut plus, mut space, mut alt, mut zero) =
            (false, false, false, false, false);
        while i < chars.len() {
            match chars[i] {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width = 0usize;
        if i < chars.len() && chars[i] == '*' {
            let w = take_arg(&current, arglen, &mut argidx)?;
            let Some(wi) = int_view(w).and_then(|x| x.to_i64()) else {
                return type_error("* wants int");
            };
            if wi < 0 {
                left = true;
            }
            crate::int::check_alloc(wi.unsigned_abs(), 1)?;
            width = usize::try_from(wi.unsigned_abs()).or_else(|_| crate::int::memory_error())?;
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                width = width
                    .saturating_mul(10)
                    .saturating_add(chars[i] as usize - '0' as usize);
                i += 1;
            }
            crate::int::check_alloc(width as u64, 1)?;
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take_arg(&current, arglen, &mut argidx)?;
                let Some(pi) = int_view(p).and_then(|x| x.to_i64()) else {
                    return type_error("* wants int");
                };
                prec = Some(pi.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p
                        .saturating_mul(10)
                        .saturating_add(chars[i] as usize - '0' as usize);
                    i += 1;
                }
                prec = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return value_error("incomplete format");
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        // (Held: the next key may replace `current`.)
        let v = Ref::dup(take_arg(&current, arglen, &mut argidx)?);
        let v = v.v();
        let body = match conv {
            's' | 'r' | 'a' | 'b' if bytes => {
                let s = match conv {
                    's' | 'b' => bytes_arg_text(v)?,
                    _ => {
                        let r = crate::ops::py_ascii(v)?;
                        as_str(r.v()).to_string()
                    }
                };
                let s = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad_printf(s, width, left)
            }
            'c' if bytes => {
                let s = if let Some(d) = crate::bytes::bytes_like(v) {
                    if d.len() != 1 {
                        return type_error("%c requires an integer in range(256) or a single byte");
                    }
                    (d[0] as char).to_string()
                } else if let Some(iv) = int_view(v) {
                    match iv.to_i64().filter(|c| (0..256).contains(c)) {
                        Some(c) => (c as u8 as char).to_string(),
                        None => {
                            return crate::exceptions::overflow_error("%c arg not in range(256)");
                        }
                    }
                } else {
                    return type_error("%c requires an integer in range(256) or a single byte");
                };
                pad_printf(s, width, left)
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => crate::ops::str_string(v)?,
                    'r' => crate::ops::repr_string(v)?,
                    _ => {
                        let r = crate::ops::py_ascii(v)?;
                        as_str(r.v()).to_string()
                    }
                };
                let s = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad_printf(s, width, left)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv: Ref = if int_view(v).is_some() {
                    Ref::dup(v)
                } else if v.is_float() && matches!(conv, 'd' | 'i' | 'u') {
                    crate::int::float_to_int(v.as_f64())?
                } else if is_kind(v, Kind::Instance) {
                    crate::int::int_of(v)?
                } else if matches!(conv, 'd' | 'i' | 'u') {
                    return type_error(format!(
                        "%{conv} format: a real number is required, not {}",
                        crate::class::type_name(v)
                    ));
                } else {
                    return type_error(format!(
                        "%{conv} format: an integer is required, not {}",
                        crate::class::type_name(v)
                    ));
                };
                let Some(i_view) = int_view(iv.v()) else {
                    return type_error("an integer is required");
                };
                let big = i_view.to_big();
                let neg = big.sign() == num_bigint::Sign::Minus;
                let mag = big.magnitude();
                let mut digits = match conv {
                    'x' => mag.to_str_radix(16),
                    'X' => mag.to_str_radix(16).to_uppercase(),
                    'o' => mag.to_str_radix(8),
                    _ => crate::int::int_to_string(IntV::Big(&num_bigint::BigInt::from(
                        mag.clone(),
                    )))?,
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                }
                let prefix = match (alt, conv) {
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    (true, 'o') => "0o",
                    _ => "",
                };
                let sign = if neg {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                number_pad(sign, prefix, &digits, width, left, zero)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match crate::float::numeric_f64(v) {
                    Some(x) => x?,
                    None => {
                        if is_kind(v, Kind::Instance) {
                            let f = crate::float::float_of(v)?;
                            f.v().as_f64()
                        } else {
                            return type_error(format!(
                                "must be real number, not {}",
                                crate::class::type_name(v)
                            ));
                        }
                    }
                };
                let p = prec.unwrap_or(6);
                let a = x.abs();
                let upper = conv.is_ascii_uppercase();
                let digits = if !a.is_finite() {
                    let s = if a.is_nan() { "nan" } else { "inf" };
                    if upper {
                        s.to_uppercase()
                    } else {
                        s.to_string()
                    }
                } else {
                    match conv {
                        'f' | 'F' => {
                            let s = format!("{:.*}", p, a);
                            if alt && p == 0 { format!("{s}.") } else { s }
                        }
                        'e' | 'E' => format_exp(a, p, upper),
                        _ => format_general(a, p, upper, alt, false),
                    }
                };
                let neg = x.is_sign_negative() && !x.is_nan();
                let sign = if neg {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                number_pad(sign, "", &digits, width, left, zero && a.is_finite())
            }
            'c' => {
                let s = if let Some(t) = str_opt(v) {
                    if t.chars().count() != 1 {
                        return type_error("%c requires int or char");
                    }
                    t.to_string()
                } else if let Some(iv) = int_view(v) {
                    let cp = iv.to_i64().and_then(|c| u32::try_from(c).ok());
                    if let Some(cp @ 0xD800..=0xDFFF) = cp {
                        return crate::str::lone_surrogate_error("'%c' formatting", cp);
                    }
                    match cp.and_then(char::from_u32) {
                        Some(ch) => ch.to_string(),
                        None => {
                            return crate::exceptions::overflow_error(
                                "%c arg not in range(0x110000)",
                            );
                        }
                    }
                } else {
                    return type_error("%c requires int or char");
                };
                pad_printf(s, width, left)
            }
            other => {
                let idx = i - 1;
                let _ = start;
                return value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {idx}",
                    other as u32
                ));
            }
        };
        out.push_str(&body);
    }
    let what = if bytes { "bytes" } else { "string" };
    if argidx < arglen && !is_mapping {
        return type_error(format!(
            "not all arguments converted during {what} formatting"
        ));
    }
    Ok(out)
}

fn number_pad(
    sign: &str,
    prefix: &str,
    digits: &str,
    width: usize,
    left: bool,
    zero: bool,
) -> String {
    let len = sign.len() + prefix.len() + digits.chars().count();
    if len >= width {
        return format!("{sign}{prefix}{digits}");
    }
    let pad = width - len;
    if left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(pad))
    } else if zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(pad))
    }
}

// ---------------------------------------------------------------------------------------
// str.format

/// `fmt.format(*args, **kwargs)`. When the output is the last field's text alone (the
/// pieces before it empty), it is the str object that field's formatting gave (CPython's
/// writer keeps that object: `"{}".format(s) is s`).
pub fn str_format(fmt: &str, args: Args<'_>) -> R<Ref> {
    let mut auto = AutoIndex::Unknown;
    render(fmt, Fields::Args(args), &mut auto, 2)
}

/// `fmt.format_map(mapping)`: named fields are looked up with `mapping[name]`; a positional
/// field is a `ValueError`. The result as for [`str_format`].
pub fn str_format_map(fmt: &str, mapping: Value) -> R<Ref> {
    let mut auto = AutoIndex::Unknown;
    render(fmt, Fields::Mapping(mapping), &mut auto, 2)
}

/// Where the replacement fields of a format string take their values from.
#[derive(Clone, Copy)]
enum Fields<'a> {
    /// `str.format`'s positional and keyword arguments.
    Args(Args<'a>),
    /// `str.format_map`'s mapping.
    Mapping(Value),
}

impl Fields<'_> {
    fn positional(&self, idx: usize) -> R<Ref> {
        match self {
            Fields::Args(args) => match args.pos.get(idx) {
                Some(v) => Ok(Ref::dup(*v)),
                None => index_error(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )),
            },
            Fields::Mapping(_) => value_error("Format string contains positional fields"),
        }
    }

    fn named(&self, name: &str) -> R<Ref> {
        match self {
            Fields::Args(args) => match args.kw(name) {
                Some(v) => Ok(Ref::dup(v)),
                None => {
                    let k = crate::str::str_from(name);
                    key_error(k.v())
                }
            },
            Fields::Mapping(m) => {
                let k = crate::str::str_from(name);
                crate::ops::getitem(*m, k.v())
            }
        }
    }
}

#[derive(PartialEq)]
enum AutoIndex {
    Unknown,
    Auto(usize),
    Manual,
}

fn render(fmt: &str, args: Fields<'_>, auto: &mut AutoIndex, depth: u32) -> R<Ref> {
    if depth == 0 {
        return value_error("Max string recursion exceeded");
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return value_error("Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if i + 1 < chars.len() && chars[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        // A replacement field.
        if i + 1 == chars.len() {
            return value_error("Single '{' encountered in format string");
        }
        let (field, next) = parse_field(&chars, i + 1)?;
        i = next;
        let piece = render_field(&field, args, auto, depth)?;
        if i == chars.len() && out.is_empty() {
            return Ok(piece);
        }
        out.push_str(str_opt(piece.v()).unwrap_or(""));
    }
    Ok(crate::str::str_from_owned(out))
}

/// A replacement field of a format string: `{name!conv:spec}`.
struct Field {
    name: String,
    conv: Option<char>,
    spec: String,
}

/// The replacement field starting at `chars[start]` (after its `{`), and the index after
/// its closing `}`. As CPython's scan: the name ends at the first `}`, `:` or `!` not
/// inside `[...]` (a `{` in it is an error), a conversion is one character followed by
/// `}` or `:`, and the spec runs to the `}` that balances the braces in it.
fn parse_field(chars: &[char], start: usize) -> R<(Field, usize)> {
    let mut k = start;
    let mut stop = None;
    while k < chars.len() {
        let c = chars[k];
        k += 1;
        match c {
            '{' => return value_error("unexpected '{' in field name"),
            '[' => {
                while k < chars.len() && chars[k] != ']' {
                    k += 1;
                }
            }
            '}' | ':' | '!' => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(c) = stop else {
        return value_error("expected '}' before end of string");
    };
    let name: String = chars[start..k - 1].iter().collect();
    let mut field = Field {
        name,
        conv: None,
        spec: String::new(),
    };
    if c == '}' {
        return Ok((field, k));
    }
    if c == '!' {
        let Some(conv) = chars.get(k) else {
            return value_error("end of string while looking for conversion specifier");
        };
        field.conv = Some(*conv);
        k += 1;
        if let Some(after) = chars.get(k) {
            k += 1;
            if *after == '}' {
                return Ok((field, k));
            }
            if *after != ':' {
                return value_error("expected ':' after conversion specifier");
            }
        }
    }
    let spec_start = k;
    let mut level = 1;
    while k < chars.len() {
        match chars[k] {
            '{' => level += 1,
            '}' => {
                level -= 1;
                if level == 0 {
                    field.spec = chars[spec_start..k].iter().collect();
                    return Ok((field, k + 1));
                }
            }
            _ => {}
        }
        k += 1;
    }
    value_error("unmatched '{' in format spec")
}

/// The str object one replacement field formats to.
fn render_field(field: &Field, args: Fields<'_>, auto: &mut AutoIndex, depth: u32) -> R<Ref> {
    let name = field.name.as_str();
    let (conv, spec) = (field.conv, field.spec.as_str());
    // The argument.
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj: Ref = if first.is_empty() {
        let idx = match auto {
            AutoIndex::Manual => {
                return value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                );
            }
            AutoIndex::Unknown => 0,
            AutoIndex::Auto(n) => *n,
        };
        *auto = AutoIndex::Auto(idx + 1);
        args.positional(idx)?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if matches!(auto, AutoIndex::Auto(_)) {
            return value_error(
                "cannot switch from automatic field numbering to manual field specification",
            );
        }
        *auto = AutoIndex::Manual;
        let idx: usize = first.parse().unwrap_or(usize::MAX);
        args.positional(idx)?
    } else {
        args.named(first)?
    };
    // Attribute and item accessors.
    let mut rest_name = &name[first_end..];
    while !rest_name.is_empty() {
        if let Some(r) = rest_name.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return value_error("Empty attribute in format string");
            }
            obj = crate::attr::getattr_str(obj.v(), attr)?;
            rest_name = &r[end..];
        } else if let Some(r) = rest_name.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return value_error("Missing ']' in format string");
            };
            let key = &r[..end];
            if key.is_empty() {
                return value_error("Empty attribute in format string");
            }
            let k = if key.chars().all(|c| c.is_ascii_digit()) {
                crate::int::int_from_str(key, 10)?
            } else {
                crate::str::str_from(key)
            };
            obj = crate::ops::getitem(obj.v(), k.v())?;
            rest_name = &r[end + 1..];
        } else {
            return value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    let obj = match conv {
        None => obj,
        Some('r') => crate::ops::py_repr(obj.v())?,
        Some('s') => crate::ops::py_str(obj.v())?,
        Some('a') => crate::ops::py_ascii(obj.v())?,
        Some(c) => return value_error(format!("Unknown conversion specifier {c}")),
    };
    let spec = if spec.contains('{') {
        let r = render(spec, args, auto, depth - 1)?;
        as_str(r.v()).to_string()
    } else {
        spec.to_string()
    };
    format_value(obj.v(), &spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Value, spec: &str) -> String {
        match format_value(v, spec) {
            Ok(r) => as_str(r.v()).to_string(),
            Err(_) => {
                let e = crate::exceptions::take_pending().unwrap();
                format!("!! {}", crate::exceptions::exception_line(e.v()))
            }
        }
    }

    fn int(i: i64) -> Value {
        Value::inline_int(i).unwrap_or(Value::NONE)
    }

    fn flt(x: f64) -> Value {
        Value::from_f64(x)
    }

    #[test]
    fn format_specs_match_cpython() {
        let s = crate::str::str_from("ab");
        let cases: Vec<(Value, &str, &str)> = vec![
            (flt(123.0), ".3", "1.23e+02"),
            (flt(1.0), ".3", "1.0"),
            (flt(1e20), ".3", "1e+20"),
            (flt(1234567.891), ",.2f", "1,234,567.89"),
            (int(-5), "=+8", "-      5"),
            (int(255), "#x", "0xff"),
            (int(255), "#010b", "0b11111111"),
            (int(1234567), "_", "1_234_567"),
            (int(0xabcdef), "_x", "ab_cdef"),
            (flt(3.14159), "10.3e", " 3.142e+00"),
            (flt(0.000012345), "g", "1.2345e-05"),
            (flt(1e16), "", "1e+16"),
            (int(12), "^9", "   12    "),
            (s.v(), "*^7", "**ab***"),
            (Value::TRUE, "", "True"),
            (Value::TRUE, "d", "1"),
            (flt(1.5), "%", "150.000000%"),
            (flt(2.5), ".0f", "2"),
            (flt(0.125), ".2f", "0.12"),
            (int(123), "010,", "00,000,123"),
            (flt(-3.5), "08.2f", "-0003.50"),
            (flt(12345.678), "_.2f", "12_345.68"),
            (flt(f64::INFINITY), "010", "0000000inf"),
            (flt(f64::NAN), "+", "+nan"),
            (flt(1234567.0), ",", "1,234,567.0"),
            (flt(-0.0), "z.1f", "0.0"),
            (flt(0.5), ".0%", "50%"),
            (int(3), "=05", "00003"),
            (flt(1e20), "G", "1E+20"),
            (int(65), "c", "A"),
            (
                flt(1.5),
                "d",
                "!! ValueError: Unknown format code 'd' for object of type 'float'",
            ),
            (
                int(1),
                ".2d",
                "!! ValueError: Precision not allowed in integer format specifier",
            ),
            (int(1), ",x", "!! ValueError: Cannot specify ',' with 'x'."),
            (
                int(1),
                "abc",
                "!! ValueError: Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                s.v(),
                "=5",
                "!! ValueError: '=' alignment not allowed in string format specifier",
            ),
        ];
        for (v, spec, want) in cases {
            assert_eq!(f(v, spec), want, "format({v:?}, {spec:?})");
        }
    }

    fn pct(fmt: &str, args: Value) -> String {
        match percent_format(fmt, args) {
            Ok(s) => s,
            Err(_) => {
                let e = crate::exceptions::take_pending().unwrap();
                format!("!! {}", crate::exceptions::exception_line(e.v()))
            }
        }
    }

    #[test]
    fn percent_formatting_matches_cpython() {
        let a = crate::str::str_from("a");
        let b = crate::str::str_from("b");
        let t = crate::tuple::tuple_from_slice(&[
            flt(3.14159),
            int(42),
            int(42),
            int(255),
            int(8),
            flt(12345.678),
            flt(0.00001234),
            a.v(),
            b.v(),
        ]);
        assert_eq!(
            pct("%5.2f|%-5d|%05d|%x|%o|%e|%g|%%|%r|%s", t.v()),
            " 3.14|42   |00042|ff|10|1.234568e+04|1.234e-05|%|'a'|b"
        );
        let d = crate::dict::dict_new();
        crate::dict::dict_set_str(d.v(), "a", int(1));
        crate::dict::dict_set_str(d.v(), "b", int(2));
        assert_eq!(pct("%(a)s-%(b)d", d.v()), "1-2");
        assert_eq!(pct("%c", int(65)), "A");
        assert_eq!(
            pct(
                "%+d % d",
                crate::tuple::tuple_from_slice(&[int(5), int(5)]).v()
            ),
            "+5  5"
        );
        assert_eq!(
            pct(
                "%#x %#o",
                crate::tuple::tuple_from_slice(&[int(255), int(8)]).v()
            ),
            "0xff 0o10"
        );
        assert_eq!(pct("%x", int(-255)), "-ff");
        assert_eq!(pct("%.0f", flt(2.5)), "2");
        assert_eq!(pct("%d", flt(3.99)), "3");
        assert_eq!(
            pct(
                "%*d|%-*d|",
                crate::tuple::tuple_from_slice(&[int(5), int(1), int(4), int(2)]).v()
            ),
            "    1|2   |"
        );
        assert_eq!(
            pct("%d %d", crate::tuple::tuple_from_slice(&[int(1)]).v()),
            "!! TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pct("%d", crate::tuple::tuple_from_slice(&[int(1), int(2)]).v()),
            "!! TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            pct("a", int(5)),
            "!! TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            pct("%d", a.v()),
            "!! TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            pct("%x", flt(1.5)),
            "!! TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            pct("%z", int(1)),
            "!! ValueError: unsupported format character 'z' (0x7a) at index 1"
        );
        assert_eq!(pct("%s", d.v()), "{'a': 1, 'b': 2}");
    }

    #[test]
    fn str_format_fields() {
        let a = crate::str::str_from("a");
        let b = crate::str::str_from("b");
        let args = [a.v(), b.v()];
        assert_eq!(
            as_str(
                str_format("{0}{1}{0}", Args::positional(&args))
                    .unwrap()
                    .v()
            ),
            "aba"
        );
        assert_eq!(
            as_str(str_format("{}-{}", Args::positional(&args)).unwrap().v()),
            "a-b"
        );
        assert_eq!(
            as_str(
                str_format("{{}}{:>3}", Args::positional(&args))
                    .unwrap()
                    .v()
            ),
            "{}  a"
        );
        let w = crate::str::str_intern("w");
        let kw = Args {
            pos: &args,
            kwnames: &[w],
            kwvals: &[int(4)],
        };
        assert_eq!(as_str(str_format("{:>{w}}", kw).unwrap().v()), "   a");
        assert!(str_format("{}{}{}", Args::positional(&args)).is_err());
        let e = crate::exceptions::take_pending().unwrap();
        assert_eq!(
            crate::exceptions::exception_line(e.v()),
            "IndexError: Replacement index 2 out of range for positional args tuple"
        );
    }
}
