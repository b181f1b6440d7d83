//! Unicode character properties and case conversion as CPython 3.11 does them: the
//! predicates (`isalpha`, `isnumeric`, `isprintable`, ...) and the full, context-aware case
//! mappings of `upper`, `lower`, `title`, `capitalize`, `swapcase` and `casefold`
//! (`'ß'.upper()` is `'SS'`, `'ǆ'.title()` is `'ǅ'`, a final capital sigma lowers to `'ς'`).
//! The data is [`crate::unicode_db`], generated from CPython's own database (Unicode 14.0.0),
//! so characters assigned by later Unicode versions behave as unassigned, as in CPython.

use crate::unicode_db as db;
pub use crate::unicode_db::{
    ALPHA, CASE_IGNORABLE, CASED, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER,
    WIDE, XID_CONTINUE, XID_START,
};

/// The flags of `c` by binary search over the runs.
fn lookup_flags(cp: u32) -> u16 {
    let i = db::FLAG_RUNS.partition_point(|&(start, _)| start <= cp);
    // The first run starts at code point 0, so `i >= 1`.
    db::FLAG_RUNS[i.saturating_sub(1)].1
}

/// The flags of the ASCII characters, read from the runs at compile time.
const ASCII_FLAGS: [u16; 128] = {
    let mut table = [0u16; 128];
    let mut run = 0;
    let mut cp = 0;
    while cp < 128 {
        while run + 1 < db::FLAG_RUNS.len() && db::FLAG_RUNS[run + 1].0 <= cp as u32 {
            run += 1;
        }
        table[cp] = db::FLAG_RUNS[run].1;
        cp += 1;
    }
    table
};

/// The property flags of `c` (a combination of [`ALPHA`], [`DECIMAL`], ... ).
#[inline]
pub fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 128 {
        return ASCII_FLAGS[cp as usize];
    }
    lookup_flags(cp)
}

/// Whether `c` has every flag of `flag`.
#[inline]
pub fn has(c: char, flag: u16) -> bool {
    flags(c) & flag == flag
}

/// The display width of `chars` in columns, as CPython 3.11's traceback lays out a caret
/// line: two columns for an East Asian wide or fullwidth character ([`WIDE`]), one for
/// every other character (combining marks included).
pub fn display_width(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|&c| if has(c, WIDE) { 2 } else { 1 })
        .sum()
}

/// Whether the ASCII character `b` (below 128) has any flag of `flag`.
#[inline]
pub fn ascii_has_any(b: u8, flag: u16) -> bool {
    ASCII_FLAGS[(b & 0x7f) as usize] & flag != 0
}

/// Whether `c` has any flag of `flag`.
#[inline]
pub fn has_any(c: char, flag: u16) -> bool {
    flags(c) & flag != 0
}

fn mapped(table: &[(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| table[i].1)
}

/// Appends the full uppercase mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match mapped(db::UPPER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full lowercase mapping of `c`, without the final sigma rule.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match mapped(db::LOWER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    match mapped(db::TITLE_MAP, c) {
        Some(m) => out.push_str(m),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c`.
pub fn push_fold(out: &mut String, c: char) {
    match mapped(db::FOLD_MAP, c) {
        Some(m) => out.push_str(m),
        None => push_lower(out, c),
    }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// Whether the capital sigma at char position `i` of `chars` is in Unicode's Final_Sigma
/// context: a cased letter before it and none after it, skipping case-ignorable characters
/// both ways.
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !has(c, CASE_IGNORABLE));
    if !before.is_some_and(|&c| has(c, CASED)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !has(c, CASE_IGNORABLE));
    !after.is_some_and(|&c| has(c, CASED))
}

/// Appends the lowercase mapping of `chars[i]`, with the final sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_lower(out, c);
    }
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    (0..chars.len()).for_each(|i| push_lower_at(&mut out, &chars, i));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_fold(&mut out, c));
    out
}

/// `s.swapcase()`: uppercase characters are lowered (with the final sigma rule), lowercase
/// ones raised, others kept.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if has(c, UPPER) {
            push_lower_at(&mut out, &chars, i);
        } else if has(c, LOWER) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()`: the first character in titlecase, the rest lowered.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`: a character after a cased one is lowered, any other is titlecased.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_cased = has(c, CASED);
    }
    out
}

/// `s.isupper()`: some uppercase character and no lowercase or titlecase one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let f = flags(c);
        if f & (LOWER | TITLE) != 0 {
            return false;
        }
        cased |= f & UPPER != 0;
    }
    cased
}

/// `s.islower()`: some lowercase character and no uppercase or titlecase one.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let f = flags(c);
        if f & (UPPER | TITLE) != 0 {
            return false;
        }
        cased |= f & LOWER != 0;
    }
    cased
}

/// `s.istitle()`: uppercase and titlecase characters only after uncased ones, lowercase ones
/// only after cased ones, and at least one cased character.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        let f = flags(c);
        if f & (UPPER | TITLE) != 0 {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if f & LOWER != 0 {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: a first character that is XID_Start or `_`, then XID_Continue ones.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| has(c, XID_START)) && chars.all(|c| has(c, XID_CONTINUE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_start_at_zero() {
        assert_eq!(db::FLAG_RUNS[0].0, 0);
        assert!(db::FLAG_RUNS.windows(2).all(|w| w[0].0 < w[1].0));
        for t in [db::UPPER_MAP, db::LOWER_MAP, db::TITLE_MAP, db::FOLD_MAP] {
            assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn special_casing_matches_cpython() {
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(lower("ΣΑΣ"), "σας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("A\u{3a3}.b"), "aσ.b");
        assert_eq!(title("ǆemal ßa"), "ǅemal Ssa");
        assert_eq!(capitalize("ﬁne"), "Fine");
        assert_eq!(casefold("ŉ ﬁ"), "ʼn fi");
        assert_eq!(swapcase("ΣΑΣ"), "σας");
        assert!(is_title("ǅemal"));
        assert!(!is_upper("ǅ"));
        assert!(is_identifier("_x1") && !is_identifier("1x") && is_identifier("é"));
    }

    #[test]
    fn properties_follow_unicode_14() {
        // U+0902 DEVANAGARI SIGN ANUSVARA is Alphabetic but not a letter.
        assert!(!has('\u{902}', ALPHA));
        // CJK numerals are numeric (Unihan), not digits.
        assert!(has('一', NUMERIC) && !has('一', DIGIT));
        assert!(has('²', DIGIT) && !has('²', DECIMAL));
        // U+1E030 (Unicode 15) is unassigned in 14.0: not alphabetic, not printable.
        assert!(!has('\u{1e030}', ALPHA) && !has('\u{1e030}', PRINTABLE));
        assert!(has('\u{1c}', SPACE) && has('\u{3000}', SPACE) && !has('\u{200b}', SPACE));
    }
}
