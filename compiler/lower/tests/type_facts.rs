//! Type facts: local, flow-sensitive inference over the lattice of `molt_mir::types`, shown
//! through the printed MIR of small functions (`UPDATE_EXPECT=1` re-blesses).

use expect_test::{Expect, expect};
use molt_db::{RootDatabase, SourceFile};

/// Lowers `src` and prints the MIR of the function named `name`.
fn check(src: &str, name: &str, expect: Expect) {
    let db = RootDatabase::default();
    let file = SourceFile::new(&db, "t.py".into(), src.to_owned(), None);
    let diagnostics = molt_lower::file_diagnostics(&db, file);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let functions = molt_lower::all_functions(&db, file);
    let func = functions
        .iter()
        .find(|f| &*f.name == name)
        .expect("function exists");
    expect.assert_eq(&func.to_string());
}

#[test]
fn literals_and_arithmetic() {
    check(
        "def f():\n    a = 1\n    b = a * 2 + 3\n    c = b / 2\n    s = 'x' * 3\n    return (b, c, s)\n",
        "f",
        expect![[r#"
            function "f"() {
            block0:
                v0: int = const.int 1 @17..18 #0
                v1: int = const.int 2 @31..32 #2
                v2: int = mul v0, v1 @27..32 #3
                v3: int = const.int 3 @35..36 #4
                v4: int = add v2, v3 @27..36 #5
                v5: int = const.int 2 @49..50 #6
                v6: float = truediv v4, v5 @45..50 #7
                v7: str = const.str "x" @59..62 #8
                v8: int = const.int 3 @65..66 #9
                v9: str = mul v7, v8 @59..66 #10
                v10: tuple[int, float, str] = build.tuple (v4, v6, v9) @78..87 #11
                keepalive (v0, v4, v6, v9) @71..87 #12
                return v10 @71..87 #13
            }
        "#]],
    );
}

#[test]
fn joins_at_merges_are_flow_sensitive() {
    // `x` is an int on one path and a float on the other: dyn after the join; `n` stays int
    // around the loop.
    check(
        "def f(flag):\n    x = 1\n    if flag:\n        x = 2.5\n    n = 0\n    while n < 10:\n        n = n + 1\n    return x, n\n",
        "f",
        expect![[r#"
            function "f"(flag) {
            block0(v0: dyn):
                v1: int = const.int 1 @21..22 #1
                v2: bool = truthy v0 @30..34 #2
                brif v2, block1, block2 @27..51 #3
            block1:
                v3: float = const.float 2.5 @48..51 #4
                keepalive (v1) @44..45 #5
                jump block3(v3) @27..51 #6
            block2:
                jump block3(v1) @27..51 #7
            block3(v4: dyn):
                v5: int = const.int 0 @60..61 #8
                jump block4(v5) @66..97 #10
            block4(v6: int):
                v7: int = const.int 10 @76..78 #12
                v8: bool = cmp.lt v6, v7 @72..78 #13
                v9: bool = truthy v8 @72..78 #14
                brif v9, block5, block6 @66..97 #15
            block5:
                v10: int = const.int 1 @96..97 #17
                v11: int = add v6, v10 @92..97 #18
                keepalive (v6) @88..89 #19
                jump block4(v11) @66..97 #20
            block6:
                jump block7 @66..97 #21
            block7:
                v12: tuple[dyn, int] = build.tuple (v4, v6) @109..113 #24
                keepalive (v0, v4, v6) @102..113 #25
                return v12 @102..113 #26
            }
        "#]],
    );
}

#[test]
fn annotations_become_assumptions() {
    check(
        "class P:\n    pass\n\ndef f(n: int, xs: list[float], p: P, q: 'P', o: object) -> int:\n    return n\n",
        "f",
        expect![[r#"
            function "f"(n, xs, p, q, o) {
            block0(v0: dyn, v1: dyn, v2: dyn, v3: dyn, v4: dyn):
                v5: int = assume v0, int @9..12 #0
                v6: list[float] = assume v1, list[float] @18..29 #2
                v7: inst[P] = assume v2, inst[P] @34..35 #3
                v8: inst[P] = assume v3, inst[P] @40..43 #4
                keepalive (v5, v6, v7, v8, v4) @68..76 #5
                return v5 @68..76 #6
            }
        "#]],
    );
}

#[test]
fn unassigned_locals_are_checked_only_where_needed() {
    // `y` may be unbound after the `if`; `x` never is.
    check(
        "def f(c):\n    x = 1\n    if c:\n        y = 2\n    return x + y\n",
        "f",
        expect![[r#"
            function "f"(c) {
            block0(v0: dyn):
                v1: dyn = const.unbound @0..0 #0
                v2: int = const.int 1 @18..19 #1
                v3: bool = truthy v0 @27..28 #2
                brif v3, block1, block2 @24..43 #3
            block1:
                v4: int = const.int 2 @42..43 #4
                jump block3(v4) @24..43 #5
            block2:
                jump block3(v1) @24..43 #6
            block3(v5: dyn):
                v6: dyn = check.bound v5, "y" @59..60 #8
                v7: dyn = add v2, v6 @55..60 #9
                keepalive (v0, v2, v5) @48..60 #10
                return v7 @48..60 #11
            }
        "#]],
    );
}
