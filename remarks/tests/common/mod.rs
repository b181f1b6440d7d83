//! A small report shared by the tests: two functions, remarks of every kind (one with a fix),
//! operations in every lane.

#![allow(dead_code)]

use molt_remarks::*;

/// A location on one line of `file`: `len` characters from `column` (ASCII, so byte offsets
/// advance with columns; lines are 40 bytes apart).
pub fn loc_in(file: &str, line: u32, column: u32, len: u32) -> Location {
    let start = 40 * (line - 1) + (column - 1);
    Location {
        file: file.into(),
        start,
        end: start + len,
        start_pos: Position { line, column },
        end_pos: Position {
            line,
            column: column + len,
        },
    }
}

/// [`loc_in`] of `pkg/app.py`.
pub fn loc(line: u32, column: u32, len: u32) -> Location {
    loc_in("pkg/app.py", line, column, len)
}

/// A remark with no hotness and no fix.
pub fn remark(
    pass: &str,
    name: &str,
    kind: RemarkKind,
    function: &str,
    location: Location,
    message: &str,
) -> Remark {
    Remark {
        pass: pass.into(),
        name: name.into(),
        kind,
        function: function.into(),
        location,
        message: message.into(),
        args: vec![],
        hotness: None,
        fix: None,
    }
}

/// An operation.
pub fn op(op: &str, lane: Lane, location: Location, reason: Option<&str>) -> OpCoverage {
    OpCoverage {
        op: op.into(),
        lane,
        location,
        reason: reason.map(Into::into),
    }
}

/// `pkg/app.py`:
///
/// ```python
/// def total(n: int) -> int:        # line 1
///     ...
///     for i in range(n):            # line 3
///         s += len(xs)              # line 4
/// def scale(v, k):                  # line 6
///     return v * k                  # line 7
///     print(v)                      # line 8
/// ```
pub fn sample() -> Report {
    let mut hoisted = remark(
        "licm",
        "licm.hoisted",
        RemarkKind::Applied,
        "total",
        loc(4, 14, 7),
        "`len()` of a container the loop does not change is computed once before the loop",
    );
    hoisted.args = vec![
        ("op".into(), "call".into()),
        ("callee".into(), "len".into()),
    ];
    hoisted.hotness = Some(Hotness(0.42));
    let mut unboxed = remark(
        "unbox",
        "unbox.missed",
        RemarkKind::Missed,
        "scale",
        loc(7, 12, 5),
        "`v` has no type annotation, so `mul` checks its type at run time; annotate `v: int` (or `float`) if that is what it holds",
    );
    unboxed.args = vec![("param".into(), "v".into())];
    unboxed.fix = Some(Fix {
        title: "annotate `v: int`".into(),
        location: loc(6, 11, 0),
        replacement: ": int".into(),
    });
    let removed = remark(
        "dce",
        "dce.removed",
        RemarkKind::Analysis,
        "total",
        loc(2, 5, 9),
        "this value is never used; its computation was removed",
    );
    let remarks = vec![hoisted, unboxed, removed];
    let total = FunctionCoverage {
        function: "total".into(),
        location: loc(1, 1, 25),
        ops: vec![
            op("lt", Lane::Native, loc(3, 5, 18), None),
            op(
                "add",
                Lane::Guarded,
                loc(4, 9, 12),
                Some("checks for small ints (and overflow) at run time"),
            ),
            op(
                "call",
                Lane::Runtime,
                loc(4, 14, 7),
                Some("calls the typed runtime helper for `len` of a list"),
            ),
            op("add", Lane::Native, loc(3, 5, 18), None),
        ],
    };
    let scale = FunctionCoverage {
        function: "scale".into(),
        location: loc(6, 1, 16),
        ops: vec![
            op(
                "mul",
                Lane::Guarded,
                loc(7, 12, 5),
                Some("checks for small ints (and overflow) at run time"),
            ),
            op(
                "call",
                Lane::Dynamic,
                loc(8, 5, 8),
                Some("calls the builtin `print` through generic dispatch"),
            ),
        ],
    };
    Report::new("0.1.0", remarks, vec![total, scale])
}
