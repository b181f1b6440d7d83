//! Byte-level mutations of real programs (`tests/programs/*.py` and the corpus) and of
//! generated ones: deletions, duplications, splices from another program, random bytes,
//! inserted tokens, re-indented lines and deep nesting wrapped around a line. Mostly-valid
//! input is what reaches the semantic passes and lowering; these keep it close to real code.

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};

use crate::repo_root;

/// Tokens inserted by [`mutate`] (and by `tests/no_panic.rs`): the ones that change the
/// structure of a program.
pub const TOKENS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"\n",
    b"    ",
    b"\t",
    b"def ",
    b"class ",
    b"return ",
    b"yield ",
    b"yield from ",
    b"lambda: ",
    b"try:\n",
    b"except ",
    b"finally:\n",
    b"*",
    b"**",
    b"=",
    b",",
    b"\"",
    b"'",
    b"'''",
    b"f\"{",
    b"f'{x!r:>{n}}'",
    b"nonlocal x\n",
    b"global y\n",
    b"del ",
    b"async ",
    b"await ",
    b"with ",
    b"for ",
    b"in ",
    b"if ",
    b"else:",
    b"elif ",
    b"break\n",
    b"continue\n",
    b":=",
    b"...",
    b"@",
    b"\\",
    b"#",
    b"\r\n",
    b"\r",
    b"\x00",
    b"\xf0\x9f\x98\x80",
    b"\xed\xa0\x80",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\\N{DASH}",
    b"0x",
    b"1e",
    b"_",
    b"j",
    b"not ",
    b"is ",
    b"match ",
    b"case ",
    b"print(",
    b"super()",
    b"self.",
    b"__class__",
    b"raise ",
    b"from ",
    b"import ",
    b"assert ",
    b"while ",
];

/// The programs mutations start from: every `.py` of `tests/programs/` and of the corpus
/// folders, read once.
pub fn seed_programs() -> &'static [Vec<u8>] {
    static PROGRAMS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    PROGRAMS.get_or_init(|| {
        let root = repo_root().join("tests");
        let mut files = Vec::new();
        for dir in [
            root.join("programs"),
            root.join("corpus/ok"),
            root.join("corpus/errors"),
            root.join("corpus/unsupported"),
        ] {
            if let Ok(entries) = std::fs::read_dir(&dir) {
                files.extend(
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|e| e == "py")),
                );
            }
        }
        files.sort();
        files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    })
}

/// A seed program chosen by `u` (an empty one when none can be read).
pub fn seed_program(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    let programs = seed_programs();
    if programs.is_empty() {
        return Ok(Vec::new());
    }
    Ok(programs[u.choose_index(programs.len())?].clone())
}

fn range(u: &mut Unstructured<'_>, len: usize, max: usize) -> Result<(usize, usize)> {
    let start = u.int_in_range(0..=len)?;
    let end = (start + u.int_in_range(0..=max)?).min(len);
    Ok((start, end))
}

/// Start offsets of the lines of `p`.
fn line_starts(p: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            p.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| i <= p.len())
        .collect()
}

/// Applies 1..=8 mutations chosen by `u` to `p`.
pub fn mutate(u: &mut Unstructured<'_>, p: &mut Vec<u8>) -> Result<()> {
    let count = 1 + u.int_in_range(0..=7u8)?;
    for _ in 0..count {
        let len = p.len();
        match u.int_in_range(0..=9u8)? {
            0 => {
                let (start, end) = range(u, len, 40)?;
                p.drain(start..end);
            }
            1 => {
                // Delete whole lines.
                let starts = line_starts(p);
                let first = u.choose_index(starts.len())?;
                let lines = 1 + u.int_in_range(0..=5usize)?;
                let end = starts.get(first + lines).copied().unwrap_or(len);
                p.drain(starts[first]..end);
            }
            2 => {
                let (start, end) = range(u, len, 200)?;
                let chunk = p[start..end].to_vec();
                let at = u.int_in_range(0..=p.len())?;
                p.splice(at..at, chunk);
            }
            3 => {
                // Splice a piece of another program in.
                let other = seed_program(u)?;
                let (start, end) = range(u, other.len(), 400)?;
                let at = u.int_in_range(0..=len)?;
                p.splice(at..at, other[start..end].iter().copied());
            }
            4 => {
                let at = u.int_in_range(0..=len)?;
                let n = u.int_in_range(1..=8usize)?;
                let bytes = u.bytes(n.min(u.len()))?.to_vec();
                p.splice(at..at, bytes);
            }
            5 | 6 => {
                let at = u.int_in_range(0..=len)?;
                let token = *u.choose(TOKENS)?;
                p.splice(at..at, token.iter().copied());
            }
            7 => {
                // Re-indent a line by a few spaces either way.
                let starts = line_starts(p);
                let at = starts[u.choose_index(starts.len())?];
                if u.arbitrary::<bool>()? {
                    p.splice(at..at, b"    ".iter().copied());
                } else {
                    let spaces = p[at..].iter().take_while(|b| **b == b' ').count().min(4);
                    p.drain(at..at + spaces);
                }
            }
            8 => {
                // Wrap the expression after an `=` or `return` in deep brackets.
                let depth = *u.choose(&[3usize, 50, 199, 201, 1_000])?;
                let open = *u.choose(&[&b"("[..], b"[", b"-", b"not ", b"f("])?;
                let close: &[u8] = match open {
                    b"(" | b"f(" => b")",
                    b"[" => b"]",
                    _ => b"",
                };
                let starts = line_starts(p);
                let line = starts[u.choose_index(starts.len())?];
                let end = p[line..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(p.len(), |i| line + i);
                if let Some(eq) = p[line..end].iter().position(|b| *b == b'=') {
                    let at = line + eq + 1;
                    p.splice(end..end, close.repeat(depth));
                    p.splice(at..at, open.repeat(depth));
                }
            }
            _ => {
                // Nest a line's statement under a tower of blocks.
                let depth = *u.choose(&[2usize, 19, 21, 99, 101])?;
                let header =
                    *u.choose(&[&b"if 1:"[..], b"for _ in x:", b"while 0:", b"with C():"])?;
                let starts = line_starts(p);
                let at = starts[u.choose_index(starts.len())?];
                let mut tower = Vec::new();
                for level in 0..depth {
                    tower.extend(std::iter::repeat_n(b' ', level));
                    tower.extend_from_slice(header);
                    tower.push(b'\n');
                }
                tower.extend(std::iter::repeat_n(b' ', depth));
                tower.extend_from_slice(b"pass\n");
                p.splice(at..at, tower);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_programs_are_found_and_mutations_change_them() {
        assert!(seed_programs().len() > 100, "tests/programs and the corpus");
        let mut rng = crate::Rng::new(7);
        let bytes: Vec<u8> = (0..512).map(|_| rng.next_u64() as u8).collect();
        let mut u = Unstructured::new(&bytes);
        let original = seed_program(&mut u).expect("a program");
        let mut mutated = original.clone();
        mutate(&mut u, &mut mutated).expect("mutates");
        assert_ne!(original, mutated);
    }
}
