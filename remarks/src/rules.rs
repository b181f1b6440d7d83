//! The catalog of remark names: what each means and how to act on it. SARIF rules, the
//! language server's `codeDescription` links and the sections of `docs/remarks.md` (a test
//! checks that every entry has one) come from here.
//!
//! The catalog is data: adding a remark name is adding an entry to `RULES` and a section to
//! the docs. Names outside the catalog still serialize everywhere (SARIF gives them a generic
//! description).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// One remark name and its documentation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Rule {
    /// The stable dotted code, e.g. `licm.hoisted` ([`crate::Remark::name`]).
    pub name: &'static str,
    /// The pass that emits it ([`crate::Remark::pass`]), e.g. `licm`.
    pub pass: &'static str,
    /// What the remark means, one sentence (SARIF `shortDescription`).
    pub summary: &'static str,
    /// How to act on it (SARIF `help`): for a missed remark, how to make the optimization
    /// apply.
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
        help: "Remove the unused code from the source, or use the value if it was meant to be used.",
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
        summary: "A value that does not change in the loop is still read on every iteration; the message says why it could not move.",
        help: "Copy the global to a local variable before the loop (`n = N` above the `for`), and use the local inside it.",
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
        help: "Annotate the parameter or variable with `int`, `float` or `bool` (the remark's fix inserts the annotation); values that really change type stay boxed.",
    },
    Rule {
        name: "guard.entry",
        pass: "unbox",
        summary: "An annotation became an entry guard: the body is compiled for the annotated type, with a generic copy.",
        help: "Nothing to do; calls with other types still work, on the generic copy.",
    },
    Rule {
        name: "guard.slot",
        pass: "unbox",
        summary: "An attribute every assignment of which in its class stores a float is checked at each load: the float arithmetic on it is native, with a generic copy for other values.",
        help: "Nothing to do; an attribute that holds another value (an int passed to a `float` parameter, a later store) takes the generic copy and behaves as in CPython.",
    },
    Rule {
        name: "guard.pow",
        pass: "unbox",
        summary: "The result of `**` on two floats is checked to be a float: the float arithmetic on it is native, with a generic copy for a complex result.",
        help: "Nothing to do; a negative base with a fractional exponent gives a complex number, as in CPython, and takes the generic copy.",
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
        help: "Call the function by its name with positional arguments matching its parameters; do not rebind or decorate it, and avoid `*args`, `**kwargs` and keyword-only parameters on hot functions.",
    },
    Rule {
        name: "inline.applied",
        pass: "inline",
        summary: "A small method's or function's body was copied into the caller, behind a check that the receiver's class still has that method (or the global still holds that function); or a construction of a class whose `__init__` is small allocates the instance and runs that body in the caller.",
        help: "Nothing to do.",
    },
    Rule {
        name: "inline.missed",
        pass: "inline",
        summary: "A call of a small method or function stays a call because something in its body, or where it is called, keeps it from being inlined.",
        help: "Keep small hot methods and functions to attribute access, arithmetic, comparisons, branches and calls of builtins: move loops, `try` statements and calls of other functions or methods to the caller, or into a function called less often.",
    },
    Rule {
        name: "call.super",
        pass: "calls",
        summary: "A `super().m(...)` call calls the method found after the class in the receiver's MRO directly, without a `super` object or a bound method.",
        help: "Nothing to do.",
    },
    Rule {
        name: "call.super.missed",
        pass: "calls",
        summary: "A `super().m(...)` call makes a `super` object and a bound method.",
        help: "Pass constants, parameters or locals computed before the call as its arguments, do not bind a global `super`, and use the `super(...)` object only for the call.",
    },
    Rule {
        name: "call.class.direct",
        pass: "calls",
        summary: "A call of a class of the module allocates the instance and calls its compiled `__init__` directly.",
        help: "Nothing to do.",
    },
    Rule {
        name: "call.class.direct.missed",
        pass: "calls",
        summary: "A call of a class of the module constructs the instance through a generic call.",
        help: "Construct with positional arguments matching `__init__`'s parameters; do not decorate the class, give it a metaclass or `__new__`, or derive it from a builtin class or an imported one.",
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
        help: "Iterate directly over `range(stop)`, `range(start, stop)` or `range(start, stop, step)` with a non-zero integer constant step.",
    },
    Rule {
        name: "loop.unboxed",
        pass: "int_loops",
        summary: "A loop of `int` and `float` arithmetic also runs as a copy on machine integers and floats in registers.",
        help: "Nothing to do.",
    },
    Rule {
        name: "loop.unboxed.missed",
        pass: "int_loops",
        summary: "A loop of arithmetic runs on boxed values because a value in it is not known to be an `int` or a `float`.",
        help: "Annotate the parameter (`n: int`, `x: float`) or convert the value (`int(...)`, `float(...)`), so that every value the loop computes with is an `int` or a `float`.",
    },
    Rule {
        name: "function.unboxed",
        pass: "int_loops",
        summary: "A recursive function of `int` arithmetic also runs as a copy on machine integers that calls itself directly.",
        help: "Nothing to do.",
    },
    Rule {
        name: "function.unboxed.missed",
        pass: "int_loops",
        summary: "A recursive function runs only on boxed values because something in it is not `int` arithmetic.",
        help: "Annotate every parameter `int`, and keep the function to arithmetic, comparisons, branches, calls of itself and `return` of ints: move other calls, attribute and item access, globals and `try` to a caller.",
    },
    Rule {
        name: "builtin.ctor.typed",
        pass: "builtin_ctors",
        summary: "A call of the builtin `set`, `list` or `dict` has a known result type (an empty call became a literal).",
        help: "Nothing to do.",
    },
    Rule {
        name: "builtin.ctor.typed.missed",
        pass: "builtin_ctors",
        summary: "A call of the builtin `set`, `list` or `dict` keeps an unknown result type.",
        help: "Call `set` and `list` with at most one positional argument and no keywords, `dict` with at most one positional argument: other calls raise `TypeError`.",
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
        summary: "A class keeps a dictionary of attributes, or its attribute access runs Python code.",
        help: "Remove `__slots__` or the attribute hook where you can; derive from a class of the same module (or from nothing); give each class its own name.",
    },
    Rule {
        name: "lane.dynamic",
        pass: "coverage",
        summary: "An operation stayed dynamic (generic dispatch); the message says why.",
        help: "Annotate the values involved (parameters, variables) so the compiler knows their types, or move the operation out of hot code.",
    },
];

/// Where the catalog is documented: `docs/remarks.md` on GitHub. [`help_uri`] appends a
/// heading anchor.
pub const DOCS_URL: &str = "https://github.com/molt-lsp/molt-lsp/blob/main/docs/remarks.md";

/// Every known remark name, in documentation order.
pub fn rules() -> &'static [Rule] {
    RULES
}

/// The rule named `name` (`None` for names outside the catalog).
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// A link to `name`'s section of `docs/remarks.md`: [`DOCS_URL`]`#<anchor>`, where the anchor
/// is the one GitHub renders for the heading ``### `name` `` (lowercase; letters, digits, `-`
/// and `_` kept; spaces become `-`; other punctuation, such as the dots, dropped): e.g.
/// `licm.hoisted` → `…/docs/remarks.md#licmhoisted`. Works for any name, in the catalog or
/// not (the link then leads to the page); non-ASCII letters are percent-encoded.
pub fn help_uri(name: &str) -> String {
    let anchor = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect::<String>();
    // Non-ASCII letters stay in GitHub's anchors; a URI carries them percent-encoded.
    let encoded = utf8_percent_encode(&anchor, FRAGMENT);
    format!("{DOCS_URL}#{encoded}")
}

/// Bytes percent-encoded in an anchor: all but ASCII letters, digits, `-` and `_`.
const FRAGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_');
