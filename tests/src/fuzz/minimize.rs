//! Minimizing a differing snippet while the difference persists: delta debugging over
//! statements (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input",
//! 2002: remove chunks of halving size, then single statements, at every block level),
//! unwrapping compound statements into their blocks, then textual simplification of each
//! line (a parenthesized binary operation `(a op b)` becomes `a` or `b`, a call `f(x)`
//! becomes `x`, literals become `0`, `1`, `1.0`, `''`). A candidate is kept only when it
//! still differs from CPython in the same way ([`DiffClass`]) and CPython's own output does
//! not gain a `NameError`/`UnboundLocalError` (a removed definition is not the bug).

use std::time::{Duration, Instant};

use super::Node;
use super::Snippet;
use super::run::{DiffClass, Workspace, check_snippet, first_difference, normalize_digits};

/// Limits on one minimization.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// At most this many candidate builds.
    pub checks: usize,
    /// At most this much time.
    pub time: Duration,
}

/// The result of a minimization.
#[derive(Clone, Debug)]
pub struct Minimized {
    /// The smallest snippet found that still differs.
    pub snippet: Snippet,
    /// Its class of difference.
    pub class: DiffClass,
    /// CPython's output for it.
    pub expected: String,
    /// Ours.
    pub actual: String,
    /// Whether the original snippet reproduced alone (if not, `snippet` is the original).
    pub reproduced: bool,
    /// Candidate builds spent.
    pub checks: usize,
}

struct Oracle<'a> {
    ws: &'a Workspace,
    level: molt_opt::OptLevel,
    class: DiffClass,
    name_errors: usize,
    /// The original's first differing lines (digits collapsed): a candidate must keep one.
    first: (String, String),
    checks: usize,
    budget: Budget,
    start: Instant,
    best: (String, String),
}

fn name_errors(text: &str) -> usize {
    text.matches("NameError").count() + text.matches("UnboundLocalError").count()
}

fn first_lines(expected: &str, actual: &str) -> (String, String) {
    let (e, a) = first_difference(expected, actual);
    (normalize_digits(e), normalize_digits(a))
}

impl Oracle<'_> {
    /// Whether a candidate's difference starts like the original's (CPython's line or ours
    /// the same up to digits), so that minimizing does not slide to another bug.
    fn same_difference(&self, expected: &str, actual: &str) -> bool {
        if matches!(self.class, DiffClass::CompilerPanic | DiffClass::Backend) {
            return true;
        }
        let (e, a) = first_lines(expected, actual);
        e == self.first.0 || a == self.first.1
    }

    fn exhausted(&self) -> bool {
        self.checks >= self.budget.checks || self.start.elapsed() > self.budget.time
    }

    fn test(&mut self, s: &Snippet) -> bool {
        if self.exhausted() {
            return false;
        }
        self.checks += 1;
        match check_snippet(self.ws, s, self.level) {
            Some((class, e, a))
                if class == self.class
                    && name_errors(&e) <= self.name_errors
                    && self.same_difference(&e, &a) =>
            {
                self.best = (e, a);
                true
            }
            _ => false,
        }
    }
}

/// Minimizes `snippet`, which differed from CPython at `level`, within `budget`.
pub fn minimize(
    ws: &Workspace,
    snippet: &Snippet,
    level: molt_opt::OptLevel,
    budget: Budget,
) -> Option<Minimized> {
    let (class, expected, actual) = check_snippet(ws, snippet, level)?;
    let mut o = Oracle {
        ws,
        level,
        class: class.clone(),
        name_errors: name_errors(&expected),
        first: first_lines(&expected, &actual),
        checks: 1,
        budget,
        start: Instant::now(),
        best: (expected, actual),
    };
    let mut cur = snippet.clone();
    // Fewer calls first: each call repeats the whole body.
    if cur.calls.len() > 1 {
        for k in 0..cur.calls.len() {
            let mut c = cur.clone();
            c.calls = vec![cur.calls[k].clone()];
            if o.test(&c) {
                cur = c;
                break;
            }
        }
    }
    loop {
        let before = cur.clone();
        remove_statements(&mut o, &mut cur);
        unwrap_compounds(&mut o, &mut cur);
        simplify_lines(&mut o, &mut cur);
        if cur == before || o.exhausted() {
            break;
        }
    }
    Some(Minimized {
        snippet: cur,
        class,
        expected: o.best.0.clone(),
        actual: o.best.1.clone(),
        reproduced: true,
        checks: o.checks,
    })
}

/// Addresses a list of statements: `root` 0 is the prelude, 1 the body; `path` descends
/// into the blocks of compound statements.
type ListRef = (u8, Vec<usize>);

fn all_lists(s: &Snippet) -> Vec<ListRef> {
    fn walk(nodes: &[Node], root: u8, path: &mut Vec<usize>, out: &mut Vec<ListRef>) {
        out.push((root, path.clone()));
        for (i, n) in nodes.iter().enumerate() {
            if !n.body.is_empty() {
                path.push(i);
                walk(&n.body, root, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&s.body, 1, &mut Vec::new(), &mut out);
    walk(&s.prelude, 0, &mut Vec::new(), &mut out);
    out
}

fn list_mut<'a>(s: &'a mut Snippet, r: &ListRef) -> Option<&'a mut Vec<Node>> {
    let mut list = if r.0 == 0 {
        &mut s.prelude
    } else {
        &mut s.body
    };
    for &i in &r.1 {
        list = &mut list.get_mut(i)?.body;
    }
    Some(list)
}

fn remove_statements(o: &mut Oracle<'_>, cur: &mut Snippet) {
    let mut li = 0;
    loop {
        let lists = all_lists(cur);
        let Some(r) = lists.get(li).cloned() else {
            break;
        };
        li += 1;
        let len = list_mut(cur, &r).map_or(0, |l| l.len());
        let mut chunk = len.div_ceil(2).max(1);
        while chunk >= 1 && !o.exhausted() {
            let mut start = 0;
            loop {
                let len = list_mut(cur, &r).map_or(0, |l| l.len());
                if start >= len {
                    break;
                }
                let mut c = cur.clone();
                if let Some(l) = list_mut(&mut c, &r) {
                    let end = (start + chunk).min(l.len());
                    l.drain(start..end);
                }
                if o.test(&c) {
                    *cur = c;
                } else {
                    start += chunk;
                }
                if o.exhausted() {
                    return;
                }
            }
            if chunk == 1 {
                break;
            }
            chunk = chunk.div_ceil(2);
        }
    }
}

/// Replaces compound statements by their blocks (with the clauses that belong to them).
fn unwrap_compounds(o: &mut Oracle<'_>, cur: &mut Snippet) {
    let mut li = 0;
    loop {
        let lists = all_lists(cur);
        let Some(r) = lists.get(li).cloned() else {
            break;
        };
        li += 1;
        let mut i = 0;
        while let Some(list) = list_mut(cur, &r) {
            if i >= list.len() || o.exhausted() {
                break;
            }
            let node = &list[i];
            let head = node.line.split_whitespace().next().unwrap_or("");
            if !node.is_compound() || matches!(head, "def" | "class") {
                i += 1;
                continue;
            }
            let mut c = cur.clone();
            if let Some(l) = list_mut(&mut c, &r) {
                let body = l[i].body.clone();
                // Drop the clauses of the same statement that follow it.
                let mut end = i + 1;
                while end < l.len() {
                    let h = l[end].line.split_whitespace().next().unwrap_or("");
                    let h = h.trim_end_matches(':');
                    if matches!(h, "except" | "else" | "elif" | "finally") {
                        end += 1;
                    } else {
                        break;
                    }
                }
                l.splice(i..end, body);
            }
            if !o.test(&c) {
                i += 1;
            } else {
                *cur = c;
            }
        }
    }
}

fn simplify_lines(o: &mut Oracle<'_>, cur: &mut Snippet) {
    let mut li = 0;
    loop {
        let lists = all_lists(cur);
        let Some(r) = lists.get(li).cloned() else {
            break;
        };
        li += 1;
        let mut i = 0;
        while let Some(list) = list_mut(cur, &r) {
            if i >= list.len() || o.exhausted() {
                break;
            }
            let line = list[i].line.clone();
            let mut changed = false;
            for cand in line_candidates(&line) {
                let mut c = cur.clone();
                if let Some(l) = list_mut(&mut c, &r) {
                    l[i].line = cand;
                }
                if o.test(&c) {
                    *cur = c;
                    changed = true;
                    break;
                }
                if o.exhausted() {
                    return;
                }
            }
            if !changed {
                i += 1;
            }
        }
    }
    // Arguments of the calls too.
    for k in 0..cur.calls.len() {
        let mut changed = true;
        while changed && !o.exhausted() {
            changed = false;
            for cand in line_candidates(&format!("f({})", cur.calls[k])) {
                let Some(args) = cand.strip_prefix("f(").and_then(|s| s.strip_suffix(')')) else {
                    continue;
                };
                if args.split(',').count() != cur.calls[k].split(',').count() {
                    continue;
                }
                let mut c = cur.clone();
                c.calls[k] = args.to_owned();
                if o.test(&c) {
                    *cur = c;
                    changed = true;
                    break;
                }
            }
        }
    }
}

/// Byte ranges of string literals (`'...'`, `"..."`, with an `f` prefix) in `line`.
fn string_spans(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let q = b[i];
        if q == b'\'' || q == b'"' {
            let start = if i > 0 && (b[i - 1] == b'f' || b[i - 1] == b'r') {
                i - 1
            } else {
                i
            };
            let mut j = i + 1;
            while j < b.len() && b[j] != q {
                if b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            spans.push((start, (j + 1).min(b.len())));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    spans
}

fn in_string(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(a, b)| a <= i && i < b)
}

/// The index of the `)` matching the `(` at `open`, outside strings.
fn matching_paren(line: &str, open: usize, spans: &[(usize, usize)]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line.char_indices().skip_while(|(i, _)| *i < open) {
        if in_string(spans, i) {
            continue;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits `inner` at its first top-level binary operator: `(left, right)`; a conditional
/// expression `a if c else b` gives `(a, b)`.
fn split_binary(inner: &str, offset: usize, spans: &[(usize, usize)]) -> Option<(String, String)> {
    const OPS: &[&str] = &[
        " if ", " or ", " and ", " not in ", " in ", " <= ", " >= ", " == ", " != ", " < ", " > ",
        " | ", " ^ ", " & ", " << ", " >> ", " + ", " - ", " * ", " // ", " / ", " % ", " ** ",
    ];
    let mut depth = 0i32;
    let bytes = inner.as_bytes();
    let mut found: Option<(usize, &str)> = None;
    'scan: for i in 0..bytes.len() {
        if in_string(spans, offset + i) {
            continue;
        }
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth == 0 => {
                for op in OPS {
                    if inner[i..].starts_with(op) {
                        found = Some((i, op));
                        break 'scan;
                    }
                }
            }
            _ => {}
        }
    }
    let (i, op) = found?;
    let left = inner[..i].trim().to_owned();
    let rest = &inner[i + op.len()..];
    if op == " if " {
        let e = rest.find(" else ")?;
        return Some((left, rest[e + 6..].trim().to_owned()));
    }
    Some((left, rest.trim().to_owned()))
}

/// Simpler variants of one line, most aggressive first.
pub fn line_candidates(line: &str) -> Vec<String> {
    let spans = string_spans(line);
    let mut out = Vec::new();
    let push = |s: String, out: &mut Vec<String>| {
        if s != line && !out.contains(&s) {
            out.push(s);
        }
    };
    for (open, c) in line.char_indices() {
        if c != '(' || in_string(&spans, open) {
            continue;
        }
        let Some(close) = matching_paren(line, open, &spans) else {
            continue;
        };
        let inner = &line[open + 1..close];
        // Is it a call? Then the callee name precedes the parenthesis.
        let callee_start = line[..open]
            .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.'))
            .map_or(0, |p| p + 1);
        let is_call = callee_start < open;
        if is_call {
            let callee = &line[callee_start..open];
            if callee != "print" && !inner.contains(',') && !inner.is_empty() {
                push(
                    format!("{}{}{}", &line[..callee_start], inner, &line[close + 1..]),
                    &mut out,
                );
            }
        } else if let Some((a, b)) = split_binary(inner, open + 1, &spans) {
            for part in [a, b] {
                push(
                    format!("{}{}{}", &line[..open], part, &line[close + 1..]),
                    &mut out,
                );
            }
        }
    }
    // Literals.
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(&(s, e)) = spans.iter().find(|&&(s, e)| s <= i && i < e) {
            if b[s] != b'f' && e - s > 3 {
                push(format!("{}''{}", &line[..s], &line[e..]), &mut out);
            }
            i = e;
            continue;
        }
        let c = b[i];
        let prev_ok =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'.');
        if c.is_ascii_digit() && prev_ok {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'_') {
                j += 1;
            }
            let lit = &line[i..j];
            let reps: &[&str] = if lit.contains('.') || lit.contains('e') {
                &["1.0"]
            } else {
                &["1"]
            };
            for rep in reps {
                if *rep != lit {
                    push(format!("{}{}{}", &line[..i], rep, &line[j..]), &mut out);
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::line_candidates;

    #[test]
    fn binary_and_call_candidates() {
        let c = line_candidates("print(((a + 2**63) * abs(b)))");
        assert!(c.contains(&"print((a * abs(b)))".to_owned()), "{c:?}");
        assert!(c.contains(&"print(((a + 2**63) * b))".to_owned()), "{c:?}");
        assert!(c.contains(&"print(abs(b))".to_owned()), "{c:?}");
    }

    #[test]
    fn literal_candidates() {
        let c = line_candidates("x = 'hello' + str(12.5)");
        assert!(c.contains(&"x = '' + str(12.5)".to_owned()), "{c:?}");
        assert!(c.contains(&"x = 'hello' + str(1.0)".to_owned()), "{c:?}");
    }
}
