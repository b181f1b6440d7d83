//! Tier hints for V8: a `compilationHints` custom section that asks for the program's own
//! functions to be compiled by the optimizing tier (TurboFan) on their first call, while the
//! runtime library keeps V8's default (the baseline compiler, Liftoff, then tier-up of what
//! turns out to be hot).
//!
//! Why it matters: V8 tiers wasm up per *call*; a frame that entered Liftoff code stays in it
//! (there is no on-stack replacement for wasm). A Python program's hot loop usually runs in
//! one call of one function (`work(8_000_000)`), so without the hint the whole loop runs in
//! baseline code, about twice as slow as TurboFan's (`int_loop`: 408 ms against 191 ms under
//! node 20).
//!
//! The section is the one V8 reads under `--experimental-wasm-compilation-hints` (present
//! from V8 7.x through at least 13.6, node 20 to 24): after the function section and before
//! the code section, `count: u32 (LEB128)` then one byte per declared (not imported)
//! function, `strategy | baseline_tier << 2 | top_tier << 4`, with strategy 0 = default,
//! 1 = lazy, 2 = eager, 3 = lazy baseline with eager top tier, and tiers 0 = default,
//! 1 = baseline, 2 = optimized (V8's `WasmCompilationHintStrategy` and
//! `WasmCompilationHintTier`, `src/wasm/wasm-module.h`). Every other engine skips an unknown
//! custom section, so the module stays a plain WASI module everywhere.

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Name of V8's custom section of compilation hints.
pub const SECTION_NAME: &str = "compilationHints";

/// The hint byte of a program function: compiled lazily (at its first call), by the
/// optimizing tier, with no baseline code (`1 | 2 << 2 | 2 << 4`).
pub const LAZY_OPTIMIZED: u8 = 0x29;

/// The hint byte of every other function: V8's defaults.
pub const DEFAULT: u8 = 0;

/// Whether `name` (from the module's name section) is a function the compiler generated for
/// the program: a Python function, a part of one (`#partN`), or the module body. Their
/// symbols start with `__molt_fn_` (see `symbol_name` in `lib.rs`).
pub fn is_program_function(name: &str) -> bool {
    name.starts_with("__molt_fn_")
}

/// `module` (a linked wasm module with a `name` section) with a `compilationHints` section
/// inserted before its code section: [`LAZY_OPTIMIZED`] for the functions `hot` selects by
/// name, [`DEFAULT`] for the others. A module that already has the section, or has no code
/// section, is returned unchanged.
///
/// # Errors
/// When `module` is not a well-formed wasm module: the parser's message and byte offset.
pub fn add_compilation_hints(module: &[u8], hot: impl Fn(&str) -> bool) -> Result<Vec<u8>, String> {
    let mut imported_functions = 0u32;
    let mut declared_functions = 0u32;
    let mut code_section_at: Option<usize> = None;
    let mut previous_end = 8; // after the magic number and version
    let mut hot_indices: Vec<u32> = Vec::new();
    let error = |e: wasmparser::BinaryReaderError| format!("invalid wasm module: {e}");
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(error)?;
        match &payload {
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    if matches!(import.map_err(error)?.ty, TypeRef::Func(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::FunctionSection(reader) => declared_functions = reader.count(),
            Payload::CodeSectionStart { .. } => code_section_at = Some(previous_end),
            Payload::CustomSection(reader) if reader.name() == SECTION_NAME => {
                return Ok(module.to_vec());
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names) = reader.as_known() {
                    for name in names {
                        if let Name::Function(map) = name.map_err(error)? {
                            for naming in map {
                                let naming = naming.map_err(error)?;
                                if hot(naming.name) {
                                    hot_indices.push(naming.index);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some((_, range)) = payload.as_section() {
            previous_end = range.end;
        }
    }
    let Some(at) = code_section_at else {
        return Ok(module.to_vec());
    };
    let mut hints = vec![DEFAULT; declared_functions as usize];
    for index in hot_indices {
        if let Some(slot) = index
            .checked_sub(imported_functions)
            .and_then(|i| hints.get_mut(i as usize))
        {
            *slot = LAZY_OPTIMIZED;
        }
    }
    let mut contents = Vec::with_capacity(hints.len() + 32);
    leb128(&mut contents, SECTION_NAME.len() as u64);
    contents.extend_from_slice(SECTION_NAME.as_bytes());
    leb128(&mut contents, u64::from(declared_functions));
    contents.extend_from_slice(&hints);
    let mut out = Vec::with_capacity(module.len() + contents.len() + 8);
    out.extend_from_slice(&module[..at]);
    out.push(0); // custom section id
    leb128(&mut out, contents.len() as u64);
    out.extend_from_slice(&contents);
    out.extend_from_slice(&module[at..]);
    Ok(out)
}

/// Appends `value` as unsigned LEB128.
fn leb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, CustomSection, EntityType, Function, FunctionSection, ImportSection,
        Instruction, Module, NameMap, NameSection, TypeSection,
    };

    /// A module importing one function and defining three: `__molt_fn_work`, `helper` and
    /// `__molt_fn_<module>`.
    fn module() -> Vec<u8> {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import("env", "f", EntityType::Function(0));
        m.section(&imports);
        let mut functions = FunctionSection::new();
        for _ in 0..3 {
            functions.function(0);
        }
        m.section(&functions);
        let mut code = CodeSection::new();
        for _ in 0..3 {
            let mut f = Function::new([]);
            f.instruction(&Instruction::End);
            code.function(&f);
        }
        m.section(&code);
        let mut names = NameMap::new();
        names.append(0, "f");
        names.append(1, "__molt_fn_work");
        names.append(2, "helper");
        names.append(3, "__molt_fn_<module>");
        let mut section = NameSection::new();
        section.functions(&names);
        m.section(&section);
        m.finish()
    }

    /// The hints section of `module`: its bytes after the count.
    fn hints_of(module: &[u8]) -> Vec<u8> {
        for payload in Parser::new(0).parse_all(module) {
            if let Payload::CustomSection(r) = payload.expect("valid module") {
                if r.name() == SECTION_NAME {
                    let data = r.data();
                    assert_eq!(data[0] as usize, data.len() - 1, "count of hints");
                    return data[1..].to_vec();
                }
            }
        }
        panic!("no {SECTION_NAME} section");
    }

    #[test]
    fn program_functions_get_the_optimizing_tier_and_the_rest_the_default() {
        let out = add_compilation_hints(&module(), is_program_function).expect("hints");
        assert_eq!(
            hints_of(&out),
            vec![LAZY_OPTIMIZED, DEFAULT, LAZY_OPTIMIZED]
        );
        wasmparser::Validator::new()
            .validate_all(&out)
            .expect("still a valid module");
    }

    #[test]
    fn the_section_sits_right_before_the_code_section() {
        let out = add_compilation_hints(&module(), is_program_function).expect("hints");
        let mut order = Vec::new();
        for payload in Parser::new(0).parse_all(&out) {
            match payload.expect("valid") {
                Payload::CustomSection(r) => order.push(r.name().to_string()),
                Payload::FunctionSection(_) => order.push("function".into()),
                Payload::CodeSectionStart { .. } => order.push("code".into()),
                _ => {}
            }
        }
        assert_eq!(order, ["function", SECTION_NAME, "code", "name"]);
    }

    #[test]
    fn a_module_with_hints_is_left_alone_and_garbage_is_an_error() {
        let once = add_compilation_hints(&module(), is_program_function).expect("hints");
        let twice = add_compilation_hints(&once, |_| true).expect("hints");
        assert_eq!(once, twice);
        let mut custom = Module::new();
        custom.section(&CustomSection {
            name: "x".into(),
            data: b"y".as_slice().into(),
        });
        let custom = custom.finish();
        assert_eq!(
            add_compilation_hints(&custom, is_program_function).expect("no code section"),
            custom
        );
        let err = add_compilation_hints(b"\0asm\x01\0\0\0\x03\xff", is_program_function)
            .expect_err("truncated");
        assert!(err.starts_with("invalid wasm module:"), "{err}");
    }
}
