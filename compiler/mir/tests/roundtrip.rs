//! The MIR text form round-trips: every `tests/roundtrip/*.mir` file reads and prints back
//! byte for byte, verifies clean, and together the files use every instruction, type,
//! constant and parameter kind. The reader also never panics on damaged text.

use std::collections::BTreeSet;
use std::path::PathBuf;

use molt_mir::display::{binary_name, cmp_name, conversion_name, unary_name};
use molt_mir::dominators::{DominatorTree, predecessors};
use molt_mir::parse::parse_functions;
use molt_mir::verify::verify;
use molt_mir::{
    BinaryOp, CmpOp, Constant, Conversion, Function, InstKind, IntConst, ParamKind, Type, UnaryOp,
};

/// The corpus files, `(file name, text)`, sorted by name.
fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/roundtrip");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/roundtrip exists")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "mir"))
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
            (name.unwrap_or_default(), text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "corpus missing from {}", dir.display());
    files
}

fn parse(name: &str, text: &str) -> Vec<Function> {
    match parse_functions(text) {
        Ok(functions) => functions,
        Err(e) => panic!("{name}:{e}"),
    }
}

fn print(functions: &[Function]) -> String {
    functions.iter().map(|f| f.to_string()).collect()
}

#[test]
fn files_print_back_identically() {
    for (name, text) in corpus() {
        let printed = print(&parse(&name, &text));
        if printed != text {
            let line = printed.lines().zip(text.lines()).position(|(a, b)| a != b);
            panic!(
                "{name} does not print back identically; first difference at line {line:?}\n{printed}"
            );
        }
    }
}

#[test]
fn print_parse_print_is_stable() {
    for (name, text) in corpus() {
        let once = parse(&name, &text);
        let printed = print(&once);
        let twice = parse(&name, &printed);
        // `Constant` compares floats bitwise, so NaN and -0.0 must survive exactly.
        assert_eq!(once, twice, "{name}");
        assert_eq!(print(&twice), printed, "{name}");
    }
}

#[test]
fn files_verify_clean() {
    for (name, text) in corpus() {
        for func in parse(&name, &text) {
            if let Err(errors) = verify(&func) {
                let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                panic!(
                    "{name}: function {:?} fails to verify:\n{}",
                    func.name,
                    errors.join("\n")
                );
            }
        }
    }
}

/// The variant name of an instruction; the match is exhaustive so that a new variant fails to
/// compile here until it is added to the corpus and to [`INST_KINDS`].
fn inst_kind_name(kind: &InstKind) -> &'static str {
    match kind {
        InstKind::Const(_) => "Const",
        InstKind::Unary(..) => "Unary",
        InstKind::Binary { .. } => "Binary",
        InstKind::Compare(..) => "Compare",
        InstKind::Truthy(_) => "Truthy",
        InstKind::GlobalLoad(_) => "GlobalLoad",
        InstKind::GlobalLoadDirect { .. } => "GlobalLoadDirect",
        InstKind::GlobalStore(..) => "GlobalStore",
        InstKind::GlobalDel(_) => "GlobalDel",
        InstKind::BuiltinLoad(_) => "BuiltinLoad",
        InstKind::SlotLoad(_) => "SlotLoad",
        InstKind::SlotStore(..) => "SlotStore",
        InstKind::SlotDel(_) => "SlotDel",
        InstKind::CheckBound(..) => "CheckBound",
        InstKind::CellNew(_) => "CellNew",
        InstKind::CellLoad(..) => "CellLoad",
        InstKind::CellStore(..) => "CellStore",
        InstKind::FreeVar(_) => "FreeVar",
        InstKind::NsLoad(..) => "NsLoad",
        InstKind::Call { .. } => "Call",
        InstKind::CallEx { .. } => "CallEx",
        InstKind::CallDirect { .. } => "CallDirect",
        InstKind::ExcEnter(..) => "ExcEnter",
        InstKind::ExcLeave(_) => "ExcLeave",
        InstKind::KeepAlive(_) => "KeepAlive",
        InstKind::Bind(_) => "Bind",
        InstKind::CallMethod { .. } => "CallMethod",
        InstKind::GetAttr(..) => "GetAttr",
        InstKind::SetAttr(..) => "SetAttr",
        InstKind::GetAttrSlot(..) => "GetAttrSlot",
        InstKind::CallMethodDirect { .. } => "CallMethodDirect",
        InstKind::CallSuper { .. } => "CallSuper",
        InstKind::MethodLoad(..) => "MethodLoad",
        InstKind::MethodLoadDirect { .. } => "MethodLoadDirect",
        InstKind::MethodIs { .. } => "MethodIs",
        InstKind::ClassIs { .. } => "ClassIs",
        InstKind::FuncIs { .. } => "FuncIs",
        InstKind::NewInstance { .. } => "NewInstance",
        InstKind::CallMethodLoaded { .. } => "CallMethodLoaded",
        InstKind::CallClassDirect { .. } => "CallClassDirect",
        InstKind::SetAttrSlot(..) => "SetAttrSlot",
        InstKind::DelAttr(..) => "DelAttr",
        InstKind::GetItem(..) => "GetItem",
        InstKind::SetItem(..) => "SetItem",
        InstKind::DelItem(..) => "DelItem",
        InstKind::BuildSlice(..) => "BuildSlice",
        InstKind::KwargsMerge(..) => "KwargsMerge",
        InstKind::StarExtend(..) => "StarExtend",
        InstKind::WithExit(_) => "WithExit",
        InstKind::HandledExc => "HandledExc",
        InstKind::BuildList(_) => "BuildList",
        InstKind::BuildTuple(_) => "BuildTuple",
        InstKind::BuildSet(_) => "BuildSet",
        InstKind::BuildDict(_) => "BuildDict",
        InstKind::BuildString(_) => "BuildString",
        InstKind::Format(..) => "Format",
        InstKind::Convert(..) => "Convert",
        InstKind::GetIter(_) => "GetIter",
        InstKind::IsType(..) => "IsType",
        InstKind::ToIndex(_) => "ToIndex",
        InstKind::Unpack(..) => "Unpack",
        InstKind::UnpackEx(..) => "UnpackEx",
        InstKind::Extract(..) => "Extract",
        InstKind::MakeFunction { .. } => "MakeFunction",
        InstKind::MakeClass { .. } => "MakeClass",
        InstKind::Import { .. } => "Import",
        InstKind::ImportFrom(..) => "ImportFrom",
        InstKind::ImportStar { .. } => "ImportStar",
        InstKind::ExcMatch(..) => "ExcMatch",
        InstKind::Assume(..) => "Assume",
        InstKind::Yield(_) => "Yield",
        InstKind::Jump(_) => "Jump",
        InstKind::Brif(..) => "Brif",
        InstKind::IterNext(..) => "IterNext",
        InstKind::Return(_) => "Return",
        InstKind::Raise(_, None) => "Raise",
        InstKind::Raise(_, Some(_)) => "RaiseFrom",
        InstKind::Reraise(_) => "Reraise",
        InstKind::Unreachable => "Unreachable",
    }
}

const INST_KINDS: &[&str] = &[
    "Const",
    "Unary",
    "Binary",
    "Compare",
    "Truthy",
    "GlobalLoad",
    "GlobalLoadDirect",
    "GlobalStore",
    "GlobalDel",
    "BuiltinLoad",
    "SlotLoad",
    "SlotStore",
    "SlotDel",
    "CheckBound",
    "CellNew",
    "CellLoad",
    "CellStore",
    "FreeVar",
    "NsLoad",
    "Call",
    "CallEx",
    "CallDirect",
    "ExcEnter",
    "ExcLeave",
    "KeepAlive",
    "Bind",
    "CallMethod",
    "GetAttr",
    "SetAttr",
    "GetAttrSlot",
    "CallMethodDirect",
    "CallSuper",
    "MethodLoad",
    "MethodLoadDirect",
    "MethodIs",
    "ClassIs",
    "FuncIs",
    "NewInstance",
    "CallMethodLoaded",
    "CallClassDirect",
    "SetAttrSlot",
    "DelAttr",
    "GetItem",
    "SetItem",
    "DelItem",
    "BuildSlice",
    "KwargsMerge",
    "StarExtend",
    "WithExit",
    "HandledExc",
    "BuildList",
    "BuildTuple",
    "BuildSet",
    "BuildDict",
    "BuildString",
    "Format",
    "Convert",
    "GetIter",
    "IsType",
    "ToIndex",
    "Unpack",
    "UnpackEx",
    "Extract",
    "MakeFunction",
    "MakeClass",
    "Import",
    "ImportFrom",
    "ImportStar",
    "ExcMatch",
    "Assume",
    "Yield",
    "Jump",
    "Brif",
    "IterNext",
    "Return",
    "Raise",
    "RaiseFrom",
    "Reraise",
    "Unreachable",
];

/// Records `ty` and every type nested in it by variant name (exhaustive, like
/// [`inst_kind_name`]).
fn collect_types(ty: &Type, seen: &mut BTreeSet<String>) {
    let name = match ty {
        Type::Never => "never",
        Type::Dyn => "dyn",
        Type::None => "none",
        Type::Bool => "bool",
        Type::Int => "int",
        Type::Float => "float",
        Type::Str => "str",
        Type::List(t) | Type::Set(t) | Type::Iter(t) => {
            collect_types(t, seen);
            match ty {
                Type::List(_) => "list",
                Type::Set(_) => "set",
                _ => "iter",
            }
        }
        Type::Tuple(ts) => {
            ts.iter().for_each(|t| collect_types(t, seen));
            if ts.is_empty() { "tuple[]" } else { "tuple" }
        }
        Type::Dict(k, v) => {
            collect_types(k, seen);
            collect_types(v, seen);
            "dict"
        }
        Type::Range => "range",
        Type::Instance(_) => "inst",
        Type::Class(_) => "class",
        Type::Function(_) => "fn",
    };
    seen.insert(name.to_string());
}

fn constant_feature(constant: &Constant) -> String {
    match constant {
        Constant::None => "none".to_string(),
        Constant::Bool(b) => format!("bool {b}"),
        Constant::Int(IntConst::Small(_)) => "small int".to_string(),
        Constant::Int(IntConst::Big(digits)) => if digits.starts_with('-') {
            "negative big int"
        } else {
            "big int"
        }
        .to_string(),
        Constant::Float(x) if x.is_nan() => "NaN".to_string(),
        Constant::Float(x) if x.is_infinite() => format!("{x}"),
        Constant::Float(x) if *x == 0.0 && x.is_sign_negative() => "-0.0".to_string(),
        Constant::Float(_) => "float".to_string(),
        Constant::Str(s) if s.chars().any(char::is_control) => "str with control chars".to_string(),
        Constant::Str(s) if !s.is_ascii() => "non-ASCII str".to_string(),
        Constant::Str(s) if s.contains(['"', '\\']) => "str with quote".to_string(),
        Constant::Str(_) => "str".to_string(),
        Constant::Ellipsis => "ellipsis".to_string(),
        Constant::Unbound => "unbound".to_string(),
    }
}

fn param_kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::PositionalOnly => "positional-only",
        ParamKind::Positional => "positional",
        ParamKind::VarArgs => "*args",
        ParamKind::KeywordOnly => "keyword-only",
        ParamKind::KwArgs => "**kwargs",
    }
}

#[test]
fn files_cover_every_variant() {
    let mut kinds = BTreeSet::new();
    let mut types = BTreeSet::new();
    let mut features = BTreeSet::new();
    let mut opcodes = BTreeSet::new();
    for (name, text) in corpus() {
        for func in parse(&name, &text) {
            for param in &func.params {
                features.insert(param_kind_name(param.kind).to_string());
                if param.has_default {
                    features.insert("default".to_string());
                }
            }
            if !func.freevars.is_empty() {
                features.insert("freevars".to_string());
            }
            if func.is_generator {
                features.insert("generator".to_string());
            }
            if func.blocks.iter().any(|b| b.handler.is_some()) {
                features.insert("catch".to_string());
            }
            for value in &func.values {
                collect_types(&value.ty, &mut types);
            }
            for inst in &func.insts {
                kinds.insert(inst_kind_name(&inst.kind));
                let line = func.display_inst(inst);
                let text = line.split(" = ").nth(1).unwrap_or(&line);
                opcodes.insert(text.split(' ').next().unwrap_or_default().to_string());
                match &inst.kind {
                    InstKind::Const(c) => {
                        features.insert(constant_feature(c));
                    }
                    InstKind::Assume(_, ty) => collect_types(ty, &mut types),
                    InstKind::Call { args, .. } | InstKind::CallMethod { args, .. }
                        if !args.keywords.is_empty() =>
                    {
                        features.insert("keyword arguments".to_string());
                    }
                    _ => {}
                }
            }
        }
    }

    let missing: Vec<_> = INST_KINDS.iter().filter(|k| !kinds.contains(*k)).collect();
    assert!(missing.is_empty(), "no instruction of kind {missing:?}");
    assert_eq!(kinds.len(), INST_KINDS.len());

    let all_types = [
        "never", "dyn", "none", "bool", "int", "float", "str", "list", "tuple", "tuple[]", "dict",
        "set", "range", "iter", "inst", "class", "fn",
    ];
    let missing: Vec<_> = all_types.iter().filter(|t| !types.contains(**t)).collect();
    assert!(missing.is_empty(), "no type {missing:?}");

    let mut all_opcodes: Vec<String> = Vec::new();
    let unary = [UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Invert, UnaryOp::Not];
    all_opcodes.extend(unary.map(|op| unary_name(op).to_string()));
    let binary = [
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::TrueDiv,
        BinaryOp::FloorDiv,
        BinaryOp::Mod,
        BinaryOp::Pow,
        BinaryOp::LShift,
        BinaryOp::RShift,
        BinaryOp::BitAnd,
        BinaryOp::BitOr,
        BinaryOp::BitXor,
        BinaryOp::MatMul,
    ];
    all_opcodes.extend(binary.map(|op| binary_name(op).to_string()));
    all_opcodes.extend(binary.map(|op| format!("i{}", binary_name(op))));
    let cmp = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
        CmpOp::Is,
        CmpOp::IsNot,
        CmpOp::In,
        CmpOp::NotIn,
    ];
    all_opcodes.extend(cmp.map(|op| format!("cmp.{}", cmp_name(op))));
    let conversions = [Conversion::Str, Conversion::Repr, Conversion::Ascii];
    all_opcodes.extend(conversions.map(|c| format!("convert.{}", conversion_name(c))));
    all_opcodes.extend(
        [
            "const.none",
            "const.bool",
            "const.int",
            "const.float",
            "const.str",
            "const.ellipsis",
            "const.unbound",
        ]
        .map(String::from),
    );
    let missing: Vec<_> = all_opcodes
        .iter()
        .filter(|o| !opcodes.contains(*o))
        .collect();
    assert!(missing.is_empty(), "no instruction with opcode {missing:?}");

    let all_features = [
        "positional-only",
        "positional",
        "*args",
        "keyword-only",
        "**kwargs",
        "default",
        "freevars",
        "generator",
        "catch",
        "keyword arguments",
        "none",
        "bool true",
        "bool false",
        "small int",
        "big int",
        "negative big int",
        "NaN",
        "inf",
        "-inf",
        "-0.0",
        "float",
        "str with control chars",
        "non-ASCII str",
        "str with quote",
        "str",
        "ellipsis",
        "unbound",
    ];
    let missing: Vec<_> = all_features
        .iter()
        .filter(|f| !features.contains(**f))
        .collect();
    assert!(missing.is_empty(), "corpus lacks {missing:?}");
}

/// Runs everything that consumes reader output on `text`: whatever the reader accepts must
/// print, verify and get dominators without panicking, and print back to a fixpoint.
fn exercise(text: &str) {
    let Ok(functions) = parse_functions(text) else {
        return;
    };
    for func in &functions {
        let _ = verify(func);
        let _ = DominatorTree::compute(func);
        let _ = predecessors(func);
    }
    let printed = print(&functions);
    match parse_functions(&printed) {
        Ok(again) => assert_eq!(
            print(&again),
            printed,
            "reprint of accepted input is unstable:\n{text}"
        ),
        Err(e) => panic!("printed output of accepted input does not read back: {e}\n{printed}"),
    }
}

#[test]
fn truncated_text_does_not_panic() {
    for (_, text) in corpus() {
        for (index, _) in text.char_indices() {
            exercise(&text[..index]);
        }
    }
}

/// A deterministic xorshift generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Bytes that matter to the grammar, and bytes that split UTF-8 sequences.
const DAMAGE: &[u8] = b" ,:()[]=@#.-+\"\\\n\tv0b9k{}*/u;\xc3\xff";

#[test]
fn text_with_a_byte_deleted_does_not_panic() {
    for (_, text) in corpus() {
        for index in 0..text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes.remove(index);
            exercise(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn text_with_a_byte_replaced_does_not_panic() {
    let mut rng = Rng(0x5eed_1234_abcd);
    for (_, text) in corpus() {
        for index in 0..text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes[index] = DAMAGE[rng.below(DAMAGE.len())];
            exercise(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn text_with_lines_moved_does_not_panic() {
    // Swapped and duplicated lines shuffle definitions, uses and block structure.
    let mut rng = Rng(0xb10c_0ff5);
    for (_, text) in corpus() {
        let lines: Vec<&str> = text.lines().collect();
        for _ in 0..100 {
            let mut moved = lines.clone();
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            if rng.below(2) == 0 {
                moved.swap(a, b);
            } else {
                moved.insert(a, lines[b]);
            }
            exercise(&(moved.join("\n") + "\n"));
        }
    }
}
