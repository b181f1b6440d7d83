//! The catalog of remark names: what each means and how to act on it. SARIF rules, the
//! language server's `codeDescription` links and `docs/remarks.md` all come from here.

/// One remark name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Rule {
    /// The stable dotted code, e.g. `licm.hoisted`.
    pub name: &'static str,
    /// The pass that emits it.
    pub pass: &'static str,
    /// One line.
    pub summary: &'static str,
    /// What to do about it.
    pub help: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        name: "fold.constant",
        pass: "const",
        summary: "An expression was computed at compile time.",
        help: "Nothing to do.",
    },
    Rule {
        name: "sccp.branch",
        pass: "sccp",
        summary: "A condition is always true or always false; the dead branch was removed.",
        help: "Check that the condition is what you meant; dead code is often a bug.",
    },
    Rule {
        name: "dce.removed",
        pass: "dce",
        summary: "An unused computation without side effects was removed.",
        help: "Remove the unused code from the source.",
    },
    Rule {
        name: "copyprop.applied",
        pass: "copyprop",
        summary: "A value that only renames another was replaced by it (e.g. tuple assignment without a tuple).",
        help: "Nothing to do.",
    },
    Rule {
        name: "cse.eliminated",
        pass: "cse",
        summary: "A repeated computation reuses the earlier result.",
        help: "Nothing to do.",
    },
    Rule {
        name: "guard.eliminated",
        pass: "cse",
        summary: "A guard dominated by the same guard was removed.",
        help: "Nothing to do.",
    },
    Rule {
        name: "licm.hoisted",
        pass: "licm",
        summary: "A loop-invariant computation moved out of the loop.",
        help: "Nothing to do.",
    },
    Rule {
        name: "licm.missed",
        pass: "licm",
        summary: "A loop-invariant value is recomputed every iteration.",
        help: "Copy the value to a local variable before the loop.",
    },
    Rule {
        name: "unbox.applied",
        pass: "unbox",
        summary: "A value lives unboxed in a native lane.",
        help: "Nothing to do.",
    },
    Rule {
        name: "unbox.missed",
        pass: "unbox",
        summary: "A value stays boxed; the message says why.",
        help: "Annotate the variable or parameter with `int`, `float` or `bool`.",
    },
    Rule {
        name: "guard.entry",
        pass: "unbox",
        summary: "An annotation became an entry guard: the body is compiled for the annotated type, with a generic copy.",
        help: "Nothing to do; calls with other types still work, on the generic copy.",
    },
    Rule {
        name: "call.direct",
        pass: "calls",
        summary: "A call was bound to a known function at compile time.",
        help: "Nothing to do.",
    },
    Rule {
        name: "call.direct.missed",
        pass: "calls",
        summary: "A call of a program function goes through generic dispatch.",
        help: "Pass arguments by position, and avoid rebinding the function's name.",
    },
    Rule {
        name: "loop.counted",
        pass: "loops",
        summary: "A `for` loop over `range()` became a counted native loop.",
        help: "Nothing to do.",
    },
    Rule {
        name: "loop.counted.missed",
        pass: "loops",
        summary: "A `for` loop over `range()` iterates through a range object.",
        help: "Use a constant step, and iterate over `range(...)` directly.",
    },
    Rule {
        name: "slots.applied",
        pass: "slots",
        summary: "A class uses fixed-layout attribute slots.",
        help: "Nothing to do.",
    },
    Rule {
        name: "slots.missed",
        pass: "slots",
        summary: "A class keeps a dictionary of attributes.",
        help: "Assign every attribute in `__init__`.",
    },
    Rule {
        name: "lane.dynamic",
        pass: "coverage",
        summary: "An operation stayed dynamic (generic dispatch); the message says why.",
        help: "Annotate the values involved so the compiler knows their types.",
    },
];

/// Every known remark name.
pub fn rules() -> &'static [Rule] {
    RULES
}

/// The rule named `name`.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// A link to `name`'s section of `docs/remarks.md` (GitHub's heading anchors drop the dots
/// and backquotes of "### `licm.hoisted`").
pub fn help_uri(name: &str) -> String {
    let anchor: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md#{anchor}")
}
