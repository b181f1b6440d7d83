//! The text codecs: `str.encode` and `bytes.decode` for UTF-8, ASCII and Latin-1 (with the
//! names and aliases CPython accepts for them) and the error handlers `strict`, `ignore`,
//! `replace`, `backslashreplace`, `xmlcharrefreplace` (encoding) and `surrogateescape`;
//! `UnicodeEncodeError` / `UnicodeDecodeError` with CPython's attributes and messages.
//!
//! A str of the runtime cannot hold a lone surrogate, so decoding with `surrogateescape` or
//! `surrogatepass` input that would produce one raises a `molt:` error, as do the codecs
//! CPython has and the runtime does not (`utf-16`, `cp1252`, ...).

use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::object::Ref;
use crate::value::Value;

/// A codec the runtime implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    /// `utf-8`.
    Utf8,
    /// `ascii`.
    Ascii,
    /// `latin-1`.
    Latin1,
}

impl Codec {
    /// The name CPython's messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// CPython's normalization of an encoding name: lower case, each run of characters other
/// than ASCII letters, digits and `.` replaced by one `_`, no `_` at either end.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// Other codecs of CPython 3.11 (normalized names and common aliases): asking for one is a
/// `molt:` error rather than CPython's `LookupError` for unknown names.
const OTHER_CODECS: &[&str] = &[
    "utf_16",
    "utf16",
    "u16",
    "utf_16_le",
    "utf_16le",
    "utf_16_be",
    "utf_16be",
    "utf_32",
    "utf32",
    "u32",
    "utf_32_le",
    "utf_32le",
    "utf_32_be",
    "utf_32be",
    "utf_7",
    "utf7",
    "u7",
    "utf_8_sig",
    "utf8_sig",
    "cp1252",
    "windows_1252",
    "cp1251",
    "windows_1251",
    "cp1250",
    "windows_1250",
    "cp437",
    "ibm437",
    "cp850",
    "cp866",
    "koi8_r",
    "koi8_u",
    "mac_roman",
    "macroman",
    "big5",
    "gbk",
    "gb2312",
    "gb18030",
    "shift_jis",
    "sjis",
    "cp932",
    "euc_jp",
    "euc_kr",
    "cp949",
    "cp950",
    "iso2022_jp",
    "idna",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
    "charmap",
    "hex",
    "hex_codec",
    "base64",
    "base64_codec",
    "zlib",
    "zlib_codec",
    "rot13",
    "rot_13",
    "uu",
    "bz2",
    "quopri",
    "mbcs",
    "tis_620",
    "latin2",
    "latin_2",
    "l2",
];

/// The codec named `name`: `LookupError: unknown encoding: NAME` when CPython has none.
pub fn lookup(name: &str) -> R<Codec> {
    let n = normalize(name);
    let codec = match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
        | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
            Codec::Latin1
        }
        other => {
            let iso = other
                .strip_prefix("iso8859_")
                .or_else(|| other.strip_prefix("iso_8859_"))
                .is_some();
            if OTHER_CODECS.contains(&other) || iso {
                return raise(
                    ExcKind::NotImplementedError,
                    format!("molt: the '{name}' codec is not supported yet"),
                );
            }
            return raise(ExcKind::LookupError, format!("unknown encoding: {name}"));
        }
    };
    Ok(codec)
}

fn unknown_handler<T>(errors: &str) -> R<T> {
    raise(
        ExcKind::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> R<Vec<u8>> {
    let codec = lookup(encoding)?;
    let limit: u32 = match codec {
        // A str holds no lone surrogates: every str encodes in UTF-8.
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 128,
        Codec::Latin1 => 256,
    };
    if text.is_ascii() {
        return Ok(text.as_bytes().to_vec());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return raise_encode_error(
                    codec.name(),
                    text,
                    i,
                    end,
                    &format!("ordinal not in range({limit})"),
                );
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for c in &chars[i..end] {
                    out.extend_from_slice(escape_char(*c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            "namereplace" => {
                return raise(
                    ExcKind::NotImplementedError,
                    "molt: the 'namereplace' error handler is not supported yet",
                );
            }
            _ => return unknown_handler(errors),
        }
        i = end;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for `c`, as CPython escapes a character in codec
/// messages and `backslashreplace`.
fn escape_char(c: char) -> String {
    let c = c as u32;
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// One decoding error: bytes `start..end` with CPython's reason.
struct DecodeFault {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// The next decoding error at or after `from`, with the text decoded before it.
fn next_fault(codec: Codec, data: &[u8], from: usize) -> (String, Option<DecodeFault>) {
    let rest = &data[from..];
    match codec {
        Codec::Latin1 => (rest.iter().map(|b| *b as char).collect(), None),
        Codec::Ascii => match rest.iter().position(|b| *b >= 0x80) {
            None => (String::from_utf8_lossy(rest).into_owned(), None),
            Some(p) => (
                String::from_utf8_lossy(&rest[..p]).into_owned(),
                Some(DecodeFault {
                    start: from + p,
                    end: from + p + 1,
                    reason: "ordinal not in range(128)",
                }),
            ),
        },
        Codec::Utf8 => match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), None),
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: `from_utf8` validated this prefix.
                let text = String::from_utf8_lossy(&rest[..good]).into_owned();
                let start = from + good;
                let lead = data[start];
                let fault = match e.error_len() {
                    None => DecodeFault {
                        start,
                        end: data.len(),
                        reason: "unexpected end of data",
                    },
                    Some(n) => DecodeFault {
                        start,
                        end: start + n,
                        reason: if (0x80..0xc2).contains(&lead) || lead >= 0xf5 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        },
                    },
                };
                (text, Some(fault))
            }
        },
    }
}

/// `obj.decode(encoding, errors)` where `data` are the bytes of `obj` (a bytes or
/// bytearray; the error's `object` is a bytes with the same contents).
pub fn decode_value(_obj: Value, data: &[u8], encoding: &str, errors: &str) -> R<Ref> {
    let s = decode(data, encoding, errors)?;
    Ok(crate::str::str_from_owned(s))
}

/// `data.decode(encoding, errors)` as a Rust string.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> R<String> {
    let codec = lookup(encoding)?;
    let mut out = String::with_capacity(data.len());
    let mut at = 0;
    loop {
        let (text, fault) = next_fault(codec, data, at);
        out.push_str(&text);
        let Some(f) = fault else {
            return Ok(out);
        };
        match errors {
            "strict" => {
                return raise_decode_error(codec.name(), data, f.start, f.end, f.reason);
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for b in &data[f.start..f.end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            "surrogateescape" | "surrogatepass" => {
                return raise(
                    ExcKind::NotImplementedError,
                    format!(
                        "molt: decoding with '{errors}' would make a str with a lone \
                         surrogate, which molt's str cannot hold"
                    ),
                );
            }
            "xmlcharrefreplace" | "namereplace" => {
                return type_error("don't know how to handle UnicodeDecodeError in error callback");
            }
            _ => return unknown_handler(errors),
        }
        at = f.end;
    }
}

/// Raises `UnicodeEncodeError(encoding, text, start, end, reason)` (positions in code
/// points).
pub fn raise_encode_error<T>(
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> R<T> {
    let obj = crate::str::str_from(text);
    raise_unicode(
        ExcKind::UnicodeEncodeError,
        encoding,
        obj,
        start,
        end,
        reason,
    )
}

/// Raises `UnicodeDecodeError(encoding, bytes(data), start, end, reason)`.
pub fn raise_decode_error<T>(
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> R<T> {
    let obj = crate::bytes::bytes_from_vec(data.to_vec());
    raise_unicode(
        ExcKind::UnicodeDecodeError,
        encoding,
        obj,
        start,
        end,
        reason,
    )
}

fn raise_unicode<T>(
    k: ExcKind,
    encoding: &str,
    obj: Ref,
    start: usize,
    end: usize,
    reason: &str,
) -> R<T> {
    let args = [
        crate::str::str_from(encoding),
        obj,
        crate::int::int_from_i64(start as i64),
        crate::int::int_from_i64(end as i64),
        crate::str::str_from(reason),
    ];
    let exc = crate::exceptions::new_exception(
        crate::state::exc_class(k),
        crate::tuple::tuple_from_vec(args.to_vec()),
    );
    let pos: Vec<Value> = args.iter().map(Ref::v).collect();
    unicode_error_fields(exc.v(), k, &pos)?;
    crate::exceptions::raise_exc(exc);
    Err(crate::exceptions::Raised)
}

/// CPython's `TypeError` for argument `i` (1-based) of a Unicode error's `__init__` that
/// must be a str: its argument parser names `None` itself and other values by type.
fn want_str(i: usize, v: Value) -> R<()> {
    if crate::str::str_opt(v).is_some() {
        return Ok(());
    }
    let got = if v.is_none() {
        "None".to_owned()
    } else {
        crate::class::type_name(v)
    };
    type_error(format!("argument {i} must be str, not {got}"))
}

/// The class (`UnicodeEncodeError` or `UnicodeDecodeError`) whose fields `exc` has.
fn unicode_error_kind(exc: Value) -> ExcKind {
    let decode = ExcKind::UnicodeDecodeError;
    if crate::class::isinstance_class(exc, crate::state::exc_class(decode)) {
        decode
    } else {
        ExcKind::UnicodeEncodeError
    }
}

/// Stores the five fields of `exc`, a `UnicodeEncodeError` or `UnicodeDecodeError` (`k`),
/// from the arguments `pos` of its `__init__`, as CPython 3.11 does: `encoding`, `object`
/// and `reason` are unset first; then the arguments are converted and stored in order
/// (`encoding` and `reason` str; `object` a str for encoding, anything for decoding;
/// `start` and `end` through `__index__` to 64-bit ints). On an error `encoding`, `object`
/// and `reason` are unset again while an int stored before the error stays. A decoding
/// error's `object` that is not a bytes (or a subclass) is replaced by a copy of its bytes
/// through the buffer protocol (`TypeError: a bytes-like object is required, not 'str'`).
fn unicode_error_fields(exc: Value, k: ExcKind, pos: &[Value]) -> R<()> {
    use crate::exc_members::store;
    for name in ["encoding", "object", "reason"] {
        store(exc, k, name, Value::UNBOUND);
    }
    let r = (|| {
        let [encoding, object, start, end, reason] = pos else {
            return type_error(format!(
                "function takes exactly 5 arguments ({} given)",
                pos.len()
            ));
        };
        want_str(1, *encoding)?;
        store(exc, k, "encoding", *encoding);
        if k == ExcKind::UnicodeEncodeError {
            want_str(2, *object)?;
        }
        store(exc, k, "object", *object);
        for (name, v) in [("start", start), ("end", end)] {
            let i = crate::int::int_from_i64(crate::int::index_i64(*v)?);
            store(exc, k, name, i.v());
        }
        want_str(5, *reason)?;
        store(exc, k, "reason", *reason);
        if k == ExcKind::UnicodeDecodeError && !crate::bytes::is_bytes(*object) {
            let data = crate::bytes::buffer_arg(*object)?;
            store(exc, k, "object", crate::bytes::bytes_from_vec(data).v());
        }
        Ok(())
    })();
    if r.is_err() {
        for name in ["encoding", "object", "reason"] {
            store(exc, k, name, Value::UNBOUND);
        }
    }
    r
}

/// `UnicodeEncodeError.__init__` / `UnicodeDecodeError.__init__(self, encoding, object,
/// start, end, reason)`: `BaseException.__init__`, then the five fields (see
/// [`unicode_error_fields`]).
pub fn unicode_error_init(recv: Value, args: crate::object::Args<'_>) -> R<Ref> {
    crate::class::exc_init(recv, args)?;
    unicode_error_fields(recv, unicode_error_kind(recv), args.pos)?;
    Ok(Ref::NONE)
}

/// `str()` of an unset field as CPython's `PyObject_Str` gives it for `NULL`, else the
/// field's `str()`.
fn field_str(exc: Value, k: ExcKind, name: &str) -> R<String> {
    let v = crate::exc_members::raw(exc, k, name);
    if v == Value::UNBOUND {
        return Ok("<NULL>".to_owned());
    }
    crate::ops::str_string(v)
}

/// `start` and `end` of a Unicode error, unset ones as `0`.
fn positions(exc: Value, k: ExcKind) -> (i64, i64) {
    let position = |name: &str| {
        let v = crate::exc_members::read(exc, k, name);
        crate::int::int_view(v.v())
            .and_then(|i| i.to_i64())
            .unwrap_or(0)
    };
    (position("start"), position("end"))
}

/// `UnicodeEncodeError.__str__`: `'ascii' codec can't encode character '\xe9' in position
/// 1: reason` when the error spans the one character at `start` (`IndexError` for a negative
/// `start`, where CPython's own read of the character fails and it then reports a
/// `SystemError` naming the caller), else `'ascii' codec can't encode characters in position
/// 1-3: reason` (`end - 1` however the two compare); `''` when `object` is unset, `<NULL>`
/// for an unset `encoding` or `reason`. An `object` set to something other than a str (where
/// CPython reads memory it should not) gives the second form.
pub fn unicode_encode_error_str(recv: Value, _args: crate::object::Args<'_>) -> R<Ref> {
    let k = ExcKind::UnicodeEncodeError;
    let object = crate::exc_members::raw(recv, k, "object");
    if object == Value::UNBOUND {
        return Ok(crate::str::str_from(""));
    }
    let reason = field_str(recv, k, "reason")?;
    let enc = field_str(recv, k, "encoding")?;
    let (start, end) = positions(recv, k);
    if let Some(text) = crate::str::str_opt(object) {
        let n = text.chars().count() as i64;
        if start < n && Some(end) == start.checked_add(1) {
            let Some(c) = usize::try_from(start)
                .ok()
                .and_then(|i| text.chars().nth(i))
            else {
                return crate::exceptions::index_error("string index out of range");
            };
            return Ok(crate::str::str_from_owned(format!(
                "'{enc}' codec can't encode character '{}' in position {start}: {reason}",
                escape_char(c)
            )));
        }
    }
    Ok(crate::str::str_from_owned(format!(
        "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
        end.wrapping_sub(1)
    )))
}

/// `UnicodeDecodeError.__str__`: `'utf-8' codec can't decode byte 0xff in position 1:
/// reason` when the error spans the one byte at `start`, else `'utf-8' codec can't decode
/// bytes in position 1-3: reason`; `''` when `object` is unset, `<NULL>` for an unset
/// `encoding` or `reason`. A negative `start`, or an `object` set to something other than a
/// bytes (where CPython reads memory it should not), gives the second form.
pub fn unicode_decode_error_str(recv: Value, _args: crate::object::Args<'_>) -> R<Ref> {
    let k = ExcKind::UnicodeDecodeError;
    let object = crate::exc_members::raw(recv, k, "object");
    if object == Value::UNBOUND {
        return Ok(crate::str::str_from(""));
    }
    let reason = field_str(recv, k, "reason")?;
    let enc = field_str(recv, k, "encoding")?;
    let (start, end) = positions(recv, k);
    if crate::bytes::is_bytes(object) && Some(end) == start.checked_add(1) {
        let data = crate::bytes::bytes_data(object);
        if let Some(b) = usize::try_from(start).ok().and_then(|i| data.get(i)) {
            return Ok(crate::str::str_from_owned(format!(
                "'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
            )));
        }
    }
    Ok(crate::str::str_from_owned(format!(
        "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
        end.wrapping_sub(1)
    )))
}

const TRANSLATE: ExcKind = ExcKind::UnicodeTranslateError;

/// `UnicodeTranslateError.__init__(self, object, start, end, reason)`:
/// `BaseException.__init__`, then the four fields, converted as CPython's `"UnnU"` format
/// does (`object` and `reason` str, `start` and `end` through `__index__` to 64-bit ints) and
/// stored in that order. On an error `object` and `reason` are unset and an int stored
/// before the error stays, as in CPython.
pub fn unicode_translate_error_init(recv: Value, args: crate::object::Args<'_>) -> R<Ref> {
    crate::class::exc_init(recv, args)?;
    let r = (|| {
        let [object, start, end, reason] = args.pos else {
            return type_error(format!(
                "function takes exactly 4 arguments ({} given)",
                args.pos.len()
            ));
        };
        want_str(1, *object)?;
        crate::exc_members::store(recv, TRANSLATE, "object", *object);
        for (name, v) in [("start", start), ("end", end)] {
            let i = crate::int::int_from_i64(crate::int::index_i64(*v)?);
            crate::exc_members::store(recv, TRANSLATE, name, i.v());
        }
        want_str(4, *reason)?;
        crate::exc_members::store(recv, TRANSLATE, "reason", *reason);
        Ok(())
    })();
    if r.is_err() {
        crate::exc_members::store(recv, TRANSLATE, "object", Value::UNBOUND);
        crate::exc_members::store(recv, TRANSLATE, "reason", Value::UNBOUND);
    }
    r.map(|()| Ref::NONE)
}

/// `UnicodeTranslateError.__str__`: `can't translate character '\xe9' in position 1:
/// reason` when the error spans the one character at `start` (its code point as `\xNN`,
/// `\uNNNN` or `\UNNNNNNNN`; `IndexError` for a negative `start`, as CPython reads the
/// character), else `can't translate characters in position 1-3: reason` (`end - 1`
/// however the two compare); `''` when `object` is unset and `<NULL>` for an unset
/// `reason`. An `object` set to something other than a str (where CPython reads memory it
/// should not) gives the second form.
pub fn unicode_translate_error_str(recv: Value, _args: crate::object::Args<'_>) -> R<Ref> {
    let object = crate::exc_members::raw(recv, TRANSLATE, "object");
    if object == Value::UNBOUND {
        return Ok(crate::str::str_from(""));
    }
    let reason = crate::exc_members::raw(recv, TRANSLATE, "reason");
    let reason = if reason == Value::UNBOUND {
        "<NULL>".to_owned()
    } else {
        crate::ops::str_string(reason)?
    };
    let (start, end) = positions(recv, TRANSLATE);
    if let Some(text) = crate::str::str_opt(object) {
        let n = text.chars().count() as i64;
        if start < n && Some(end) == start.checked_add(1) {
            let Some(c) = usize::try_from(start)
                .ok()
                .and_then(|i| text.chars().nth(i))
            else {
                return crate::exceptions::index_error("string index out of range");
            };
            return Ok(crate::str::str_from_owned(format!(
                "can't translate character '{}' in position {start}: {reason}",
                escape_char(c)
            )));
        }
    }
    Ok(crate::str::str_from_owned(format!(
        "can't translate characters in position {start}-{}: {reason}",
        end.wrapping_sub(1)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_normalize_like_cpython() {
        assert_eq!(normalize("UTF-8"), "utf_8");
        assert_eq!(normalize("  Latin 1 "), "latin_1");
        assert_eq!(normalize("iso-8859-1"), "iso_8859_1");
        assert_eq!(normalize("ANSI_X3.4-1968"), "ansi_x3.4_1968");
    }

    #[test]
    fn utf8_faults_have_cpythons_ranges_and_reasons() {
        let fault = |d: &[u8]| {
            let (_, f) = next_fault(Codec::Utf8, d, 0);
            f.map(|f| (f.start, f.end, f.reason))
        };
        assert_eq!(fault(b"ok"), None);
        assert_eq!(fault(b"\xff"), Some((0, 1, "invalid start byte")));
        assert_eq!(fault(b"\xc0\x80"), Some((0, 1, "invalid start byte")));
        assert_eq!(
            fault(b"a\xe2\x82z"),
            Some((1, 3, "invalid continuation byte"))
        );
        assert_eq!(
            fault(b"\xed\xa0\x80"),
            Some((0, 1, "invalid continuation byte"))
        );
        assert_eq!(
            fault(b"x\xf0\x9f\x98"),
            Some((1, 4, "unexpected end of data"))
        );
    }

    #[test]
    fn handlers_replace_ignore_and_escape() {
        let d = b"a\xf0\x9f\x98\x80\xf0z\xff";
        assert_eq!(
            decode(d, "utf-8", "replace").unwrap(),
            "a\u{1f600}\u{fffd}z\u{fffd}"
        );
        assert_eq!(decode(d, "utf8", "ignore").unwrap(), "a\u{1f600}z");
        assert_eq!(
            decode(b"a\x80", "ascii", "backslashreplace").unwrap(),
            "a\\x80"
        );
        assert_eq!(decode(b"\xe9", "latin-1", "strict").unwrap(), "\u{e9}");
        assert_eq!(
            encode("a\u{e9}\u{20ac}", "ascii", "backslashreplace").unwrap(),
            b"a\\xe9\\u20ac"
        );
        assert_eq!(
            encode("\u{e9}\u{20ac}", "latin1", "replace").unwrap(),
            b"\xe9?"
        );
        assert_eq!(
            encode("\u{e9}", "US-ASCII", "xmlcharrefreplace").unwrap(),
            b"&#233;"
        );
    }
}
