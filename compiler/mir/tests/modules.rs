//! Functions of a program of several modules: `Function::in_module` prefixes the function's
//! name and the names it refers to (not the direct calls of other modules' functions, which
//! are qualified already), and `import` instructions with a level and a from-list and
//! direct calls through an imported name round-trip through the text form.

use molt_mir::parse::parse_function;
use molt_mir::{Function, InstKind, split_module};

const TEXT: &str = r#"function "f"(n) {
block0(v0: dyn):
    v1: fn[g] = make.function "g", (), () @0..1 #0
    v2: dyn = call.direct "g"(v0) @0..1 #1
    v3: dyn = import "pkg" level 2 from ("a", "b") @0..1 #2
    v4: dyn = import "sys" @0..1 #3
    v5: dyn = call.direct "ops:inc"(v0) via "inc" @0..1 #4
    v6: dyn = call.direct "pkg.ops:scale"(v0) via "ops.scale" @0..1 #5
    return v2 @0..1 #6
}
"#;

fn parse() -> Function {
    parse_function(TEXT).expect("parses")
}

#[test]
fn imports_round_trip() {
    let f = parse();
    assert_eq!(f.to_string(), TEXT);
    let kinds: Vec<&InstKind> = f.insts.iter().map(|i| &i.kind).collect();
    assert!(kinds.iter().any(|k| matches!(
        k,
        InstKind::Import { name, level: 2, fromlist } if &**name == "pkg" && fromlist.len() == 2
    )));
    assert!(kinds.iter().any(|k| matches!(
        k,
        InstKind::CallDirect { func, via: Some(via), .. } if &**func == "pkg.ops:scale" && &**via == "ops.scale"
    )));
}

#[test]
fn in_module_qualifies_names_and_main_keeps_them() {
    let f = parse();
    assert_eq!(f.in_module("__main__"), f);
    let q = f.in_module("pkg.sub");
    let text = q.to_string();
    assert!(text.starts_with("function \"pkg.sub:f\"(n)"), "{text}");
    assert!(text.contains("make.function \"pkg.sub:g\""), "{text}");
    assert!(text.contains("call.direct \"pkg.sub:g\"(v0)"), "{text}");
    assert!(
        text.contains("call.direct \"ops:inc\"(v0) via \"inc\"")
            && text.contains("call.direct \"pkg.ops:scale\"(v0) via \"ops.scale\""),
        "another module's functions keep their names: {text}"
    );
    assert!(
        text.contains("import \"pkg\" level 2"),
        "imports are not renamed: {text}"
    );
    assert_eq!(split_module(&q.name), ("pkg.sub", "f"));
    assert_eq!(split_module("C.m"), ("__main__", "C.m"));
}
