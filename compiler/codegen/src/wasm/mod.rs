//! The wasm32 backend: the same Cranelift IR the native backend compiles, selected into
//! WebAssembly instead ([`emit`]), and written as a relocatable wasm object that `wasm-ld`
//! links with the runtime's wasm32 static library ([`WasmModule::finish`]).
//!
//! The object follows the WebAssembly tool conventions for linking
//! (`WebAssembly/tool-conventions`, `Linking.md`): the memory, the stack pointer and every
//! function the object calls but does not define are imports from `env`; each data object is
//! a data segment of its own; a `linking` custom section holds the symbol table and the
//! segments' names and alignments; `reloc.CODE` and `reloc.DATA` list the places the linker
//! patches (function indices, table indices of function addresses, memory addresses, the
//! stack pointer's global index), each written as a 5-byte padded LEB (or a 4-byte word in
//! data).
//!
//! **Address words.** Static data keeps the 64-bit layout of the native targets: an address
//! stored in data is an 8-byte word whose low 4 bytes the linker fills (`R_WASM_*_I32`), the
//! upper 4 staying zero; the runtime reads such words through `molt_abi`'s layouts.

pub mod emit;
pub mod hints;

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir;
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_module::{
    DataDescription, DataId, FuncId, Init, Linkage, ModuleDeclarations, ModuleError,
    ModuleRelocTarget, ModuleResult,
};
use molt_abi::Repr;
use rustc_hash::FxHashMap;

use emit::{leb_i64, leb_u32};

/// A wasm value type.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum ValType {
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
}

impl ValType {
    /// The type's byte in the binary format.
    pub fn byte(self) -> u8 {
        match self {
            ValType::I32 => 0x7f,
            ValType::I64 => 0x7e,
            ValType::F32 => 0x7d,
            ValType::F64 => 0x7c,
        }
    }

    /// The wasm32 type of a runtime ABI [`Repr`] (pointers and `usize` are 32-bit).
    pub fn of_repr(r: Repr) -> ValType {
        match r {
            Repr::Value | Repr::I64 => ValType::I64,
            Repr::I32 | Repr::Ptr => ValType::I32,
            Repr::F64 => ValType::F64,
        }
    }
}

/// A wasm function type: parameters and at most one result.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct WasmSig {
    /// Parameter types.
    pub params: Vec<ValType>,
    /// The result type, if any.
    pub result: Option<ValType>,
}

impl WasmSig {
    /// The signature of a runtime ABI function.
    pub fn of_reprs(params: &[Repr], result: Option<Repr>) -> WasmSig {
        WasmSig {
            params: params.iter().map(|&r| ValType::of_repr(r)).collect(),
            result: result.map(ValType::of_repr),
        }
    }

    /// The signature of a compiled Python function as the runtime calls it:
    /// `extern "C" fn(func: Value, args: *const Value) -> Value`.
    pub fn python() -> WasmSig {
        WasmSig {
            params: vec![ValType::I64, ValType::I32],
            result: Some(ValType::I64),
        }
    }

    /// The signature of a CLIF signature, type for type (`i8`/`i16` as `i32`).
    fn of_clif(sig: &ir::Signature) -> WasmSig {
        let t = |ty: ir::Type| match ty {
            ir::types::I64 => ValType::I64,
            ir::types::F64 => ValType::F64,
            ir::types::F32 => ValType::F32,
            _ => ValType::I32,
        };
        WasmSig {
            params: sig.params.iter().map(|p| t(p.value_type)).collect(),
            result: sig.returns.first().map(|p| t(p.value_type)),
        }
    }
}

/// What a relocation patches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RelocKind {
    /// `R_WASM_FUNCTION_INDEX_LEB` (0): the callee of a `call`.
    FunctionIndexLeb,
    /// `R_WASM_TABLE_INDEX_SLEB` (1): a function's address (`i32.const`).
    TableIndexSleb,
    /// `R_WASM_MEMORY_ADDR_SLEB` (4): a data address (`i32.const`).
    MemoryAddrSleb,
    /// `R_WASM_GLOBAL_INDEX_LEB` (7): a global's index (`global.get`/`set`).
    GlobalIndexLeb,
}

impl RelocKind {
    fn code(self) -> u8 {
        match self {
            RelocKind::FunctionIndexLeb => 0,
            RelocKind::TableIndexSleb => 1,
            RelocKind::MemoryAddrSleb => 4,
            RelocKind::GlobalIndexLeb => 7,
        }
    }
}

/// The symbol a relocation refers to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RelocTarget {
    /// A function of the module.
    Func(FuncId),
    /// A data object of the module.
    Data(DataId),
    /// The linker's `__stack_pointer` global.
    StackPointer,
}

/// A relocation in a function body: `offset` bytes from the body's start.
#[derive(Clone, Debug)]
pub struct CodeReloc {
    /// Byte offset in the body (locals declaration included).
    pub offset: u32,
    /// What to patch.
    pub kind: RelocKind,
    /// The symbol.
    pub target: RelocTarget,
    /// Added to a memory address.
    pub addend: i32,
}

/// A function body (locals and instructions, without its size) and its relocations.
#[derive(Clone, Debug)]
pub struct WasmFunction {
    /// The body.
    pub body: Vec<u8>,
    /// Its relocations, by offset in `body`.
    pub relocs: Vec<CodeReloc>,
}

/// A module under construction: `cranelift_module`'s declarations and definitions, written
/// as a relocatable wasm object by [`WasmModule::finish`]. Implements
/// [`cranelift_module::Module`], so the code that declares functions and data and builds
/// descriptors is the same for both backends.
pub struct WasmModule {
    isa: OwnedTargetIsa,
    declarations: ModuleDeclarations,
    /// The wasm signature of each function whose CLIF signature does not say it (runtime
    /// imports, whose pointers are 32-bit; compiled functions the runtime calls).
    abi: FxHashMap<FuncId, WasmSig>,
    functions: FxHashMap<FuncId, WasmFunction>,
    data: FxHashMap<DataId, DataDescription>,
}

impl WasmModule {
    /// An empty module. `isa` is only there for [`cranelift_module::Module::isa`] (the
    /// frontend configuration); no machine code is made with it.
    pub fn new(isa: OwnedTargetIsa) -> WasmModule {
        WasmModule {
            isa,
            declarations: ModuleDeclarations::default(),
            abi: FxHashMap::default(),
            functions: FxHashMap::default(),
            data: FxHashMap::default(),
        }
    }

    /// Sets the wasm signature of `f` (else it is read off its CLIF signature).
    pub fn set_signature(&mut self, f: FuncId, sig: WasmSig) {
        self.abi.insert(f, sig);
    }

    /// The wasm signature of `f`.
    pub fn signature(&self, f: FuncId) -> WasmSig {
        self.abi
            .get(&f)
            .cloned()
            .unwrap_or_else(|| WasmSig::of_clif(&self.declarations.get_function_decl(f).signature))
    }

    /// Defines `f` with an already selected body.
    pub fn define_wasm(&mut self, f: FuncId, body: WasmFunction) {
        self.functions.insert(f, body);
    }

    /// Writes the relocatable object.
    ///
    /// # Errors
    /// A declared function or data object that is neither defined nor imported.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        ObjectWriter::new(&self).write()
    }
}

impl cranelift_module::Module for WasmModule {
    fn isa(&self) -> &dyn TargetIsa {
        &*self.isa
    }

    fn declarations(&self) -> &ModuleDeclarations {
        &self.declarations
    }

    fn declare_function(
        &mut self,
        name: &str,
        linkage: Linkage,
        signature: &ir::Signature,
    ) -> ModuleResult<FuncId> {
        let (id, _) = self
            .declarations
            .declare_function(name, linkage, signature)?;
        Ok(id)
    }

    fn declare_anonymous_function(&mut self, signature: &ir::Signature) -> ModuleResult<FuncId> {
        self.declarations.declare_anonymous_function(signature)
    }

    fn declare_data(
        &mut self,
        name: &str,
        linkage: Linkage,
        writable: bool,
        tls: bool,
    ) -> ModuleResult<DataId> {
        let (id, _) = self
            .declarations
            .declare_data(name, linkage, writable, tls)?;
        Ok(id)
    }

    fn declare_anonymous_data(&mut self, writable: bool, tls: bool) -> ModuleResult<DataId> {
        self.declarations.declare_anonymous_data(writable, tls)
    }

    fn define_function_with_control_plane(
        &mut self,
        func: FuncId,
        ctx: &mut cranelift_codegen::Context,
        _ctrl_plane: &mut ControlPlane,
    ) -> ModuleResult<()> {
        let own = self.signature(func);
        let sig_of = |f: FuncId| self.signature(f);
        let env = emit::Env {
            sig_of: &sig_of,
            yields: [None, None],
            gen_state: None,
            gen_sent: None,
        };
        let body = emit::function(&ctx.func, &own, &env).map_err(|e| {
            ModuleError::Backend(anyhow_like(format!(
                "{}: {}",
                self.declarations.get_function_decl(func).linkage_name(func),
                e.0
            )))
        })?;
        self.functions.insert(func, body);
        Ok(())
    }

    fn define_function_bytes(
        &mut self,
        _func_id: FuncId,
        _alignment: u64,
        _bytes: &[u8],
        _relocs: &[cranelift_module::ModuleReloc],
    ) -> ModuleResult<()> {
        Err(ModuleError::Backend(anyhow_like(
            "the wasm32 backend takes CLIF functions, not machine code".into(),
        )))
    }

    fn define_data(&mut self, data_id: DataId, data: &DataDescription) -> ModuleResult<()> {
        self.data.insert(data_id, data.clone());
        Ok(())
    }
}

/// `ModuleError::Backend`'s error from a message.
fn anyhow_like(message: String) -> anyhow::Error {
    anyhow::Error::msg(message)
}

/// Symbol flags of the linking section.
const SYM_BINDING_LOCAL: u32 = 0x02;
const SYM_UNDEFINED: u32 = 0x10;
const SYM_VISIBILITY_HIDDEN: u32 = 0x04;

/// Writes a [`WasmModule`] as a relocatable object.
struct ObjectWriter<'m> {
    module: &'m WasmModule,
    /// Function ids of the imported functions, in import order.
    imported: Vec<FuncId>,
    /// Function ids of the defined functions, in index order (after the imports).
    defined: Vec<FuncId>,
    func_index: FxHashMap<FuncId, u32>,
    /// Defined data objects, in segment order.
    segments: Vec<DataId>,
    /// Symbol index of each function, data object and the stack pointer.
    func_symbol: FxHashMap<FuncId, u32>,
    data_symbol: FxHashMap<DataId, u32>,
    sp_symbol: u32,
    types: Vec<WasmSig>,
}

impl<'m> ObjectWriter<'m> {
    fn new(module: &'m WasmModule) -> ObjectWriter<'m> {
        let mut imported = Vec::new();
        let mut defined = Vec::new();
        for (id, decl) in module.declarations.get_functions() {
            if module.functions.contains_key(&id) {
                defined.push(id);
            } else if decl.linkage == Linkage::Import {
                imported.push(id);
            }
        }
        let mut func_index = FxHashMap::default();
        for (i, &f) in imported.iter().chain(&defined).enumerate() {
            func_index.insert(f, i as u32);
        }
        let mut segments: Vec<DataId> = module
            .declarations
            .get_data_objects()
            .map(|(id, _)| id)
            .filter(|id| module.data.contains_key(id))
            .collect();
        segments.sort_by_key(|d| d.as_u32());
        ObjectWriter {
            module,
            imported,
            defined,
            func_index,
            segments,
            func_symbol: FxHashMap::default(),
            data_symbol: FxHashMap::default(),
            sp_symbol: 0,
            types: Vec::new(),
        }
    }

    /// The type index of each function of `functions`.
    fn type_indices(&mut self, functions: &[FuncId]) -> Vec<u32> {
        functions
            .iter()
            .map(|&f| {
                let s = self.module.signature(f);
                self.type_index(s)
            })
            .collect()
    }

    fn type_index(&mut self, sig: WasmSig) -> u32 {
        if let Some(i) = self.types.iter().position(|t| *t == sig) {
            return i as u32;
        }
        self.types.push(sig);
        self.types.len() as u32 - 1
    }

    fn write(mut self) -> Result<Vec<u8>, String> {
        let m = self.module;
        // Every declared function must be defined or imported.
        for (id, decl) in m.declarations.get_functions() {
            if !self.func_index.contains_key(&id) {
                return Err(format!(
                    "function {} is declared but not defined",
                    decl.linkage_name(id)
                ));
            }
        }
        let import_types = self.type_indices(&self.imported.clone());
        let defined_types = self.type_indices(&self.defined.clone());

        use wasm_encoder::{
            CodeSection, ConstExpr, CustomSection, DataSection, DataSymbolDefinition, Encode,
            EntityType, FunctionSection, GlobalType, ImportSection, MemoryType, SymbolTable,
            TypeSection,
        };
        let enc = |t: ValType| match t {
            ValType::I32 => wasm_encoder::ValType::I32,
            ValType::I64 => wasm_encoder::ValType::I64,
            ValType::F32 => wasm_encoder::ValType::F32,
            ValType::F64 => wasm_encoder::ValType::F64,
        };
        let mut out = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        for t in &self.types {
            types.ty().function(
                t.params.iter().map(|&p| enc(p)),
                t.result.iter().map(|&r| enc(r)),
            );
        }
        out.section(&types);
        // Imports: the memory, the stack pointer, then the functions.
        let mut imports = ImportSection::new();
        imports.import(
            "env",
            "__linear_memory",
            EntityType::Memory(MemoryType {
                minimum: 0,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            }),
        );
        imports.import(
            "env",
            "__stack_pointer",
            EntityType::Global(GlobalType {
                val_type: wasm_encoder::ValType::I32,
                mutable: true,
                shared: false,
            }),
        );
        for (&f, &t) in self.imported.iter().zip(&import_types) {
            let n = m.declarations.get_function_decl(f).linkage_name(f);
            imports.import("env", &n, EntityType::Function(t));
        }
        out.section(&imports);
        let mut funcs = FunctionSection::new();
        for &t in &defined_types {
            funcs.function(t);
        }
        out.section(&funcs);
        // Sections so far: type, import, function; the code section is the fourth.
        let code_section = 3u32;

        // Symbols: functions (imported, then defined), data, the stack pointer.
        let mut symtab = SymbolTable::new();
        let mut nsyms = 0u32;
        for &f in &self.imported {
            symtab.function(SYM_UNDEFINED, self.func_index[&f], None);
            self.func_symbol.insert(f, nsyms);
            nsyms += 1;
        }
        for &f in &self.defined {
            let decl = m.declarations.get_function_decl(f);
            symtab.function(
                linkage_flags(decl.linkage),
                self.func_index[&f],
                Some(&decl.linkage_name(f)),
            );
            self.func_symbol.insert(f, nsyms);
            nsyms += 1;
        }
        for (id, decl) in m.declarations.get_data_objects() {
            let name_ = decl.linkage_name(id).into_owned();
            match self.segments.iter().position(|&d| d == id) {
                Some(seg) => {
                    symtab.data(
                        linkage_flags(decl.linkage),
                        &name_,
                        Some(DataSymbolDefinition {
                            index: seg as u32,
                            offset: 0,
                            size: m.data[&id].init.size() as u32,
                        }),
                    );
                }
                None => {
                    if decl.linkage != Linkage::Import {
                        return Err(format!("data {name_} is declared but not defined"));
                    }
                    symtab.data(SYM_UNDEFINED, &name_, None);
                }
            }
            self.data_symbol.insert(id, nsyms);
            nsyms += 1;
        }
        symtab.global(SYM_UNDEFINED, 0, None);
        self.sp_symbol = nsyms;

        // Code, with the relocations' offsets from the start of the section's contents
        // (the function count, then each body after its size).
        let mut code = CodeSection::new();
        let mut code_relocs: Vec<(u8, u32, u32, Option<i32>)> = Vec::new();
        let mut offset = leb_len(self.defined.len() as u32);
        for &f in &self.defined {
            let body = &m.functions[&f];
            offset += leb_len(body.body.len() as u32);
            // The object is a valid module before linking: each call's padded index is the
            // callee's index in this object (the linker rewrites it).
            let mut bytes = body.body.clone();
            for r in &body.relocs {
                let symbol = self.symbol(r.target)?;
                let addend = (r.kind == RelocKind::MemoryAddrSleb).then_some(r.addend);
                code_relocs.push((r.kind.code(), offset + r.offset, symbol, addend));
                if let (RelocKind::FunctionIndexLeb, RelocTarget::Func(f)) = (r.kind, r.target) {
                    let at = r.offset as usize;
                    bytes[at..at + 5].copy_from_slice(&padded_leb(self.func_index[&f]));
                }
            }
            code.raw(&bytes);
            offset += body.body.len() as u32;
        }
        out.section(&code);

        // Data: one segment per data object.
        let mut data = DataSection::new();
        let mut data_relocs: Vec<(u8, u32, u32, Option<i32>)> = Vec::new();
        let mut segment_info = Vec::new();
        leb_u32(&mut segment_info, self.segments.len() as u32);
        let mut offset = leb_len(self.segments.len() as u32);
        for &d in &self.segments {
            let desc = &m.data[&d];
            let decl = m.declarations.get_data_decl(d);
            let size = desc.init.size();
            let mut bytes = match &desc.init {
                Init::Bytes { contents } => contents.to_vec(),
                _ => vec![0; size],
            };
            // Segment header: flags 0 (active, memory 0), `i32.const 0; end`, the size.
            offset += 1 + 3 + leb_len(size as u32);
            for &(at, func_ref) in &desc.function_relocs {
                let target = reloc_target(&desc.function_decls[func_ref])?;
                let symbol = self.symbol(target)?;
                data_relocs.push((2, offset + at, symbol, None)); // R_WASM_TABLE_INDEX_I32
                bytes[at as usize..at as usize + 4].fill(0);
            }
            for &(at, gv, addend) in &desc.data_relocs {
                let target = reloc_target(&desc.data_decls[gv])?;
                let symbol = self.symbol(target)?;
                // R_WASM_TABLE_INDEX_I32 for a function, R_WASM_MEMORY_ADDR_I32 for data.
                let (kind, addend) = match target {
                    RelocTarget::Func(_) => (2, None),
                    _ => (5, Some(addend as i32)),
                };
                data_relocs.push((kind, offset + at, symbol, addend));
                bytes[at as usize..at as usize + 4].fill(0);
            }
            data.active(0, &ConstExpr::i32_const(0), bytes);
            offset += size as u32;
            let zeros = matches!(desc.init, Init::Zeros { .. })
                && desc.function_relocs.is_empty()
                && desc.data_relocs.is_empty();
            let prefix = if zeros {
                ".bss."
            } else if decl.writable {
                ".data."
            } else {
                ".rodata."
            };
            name(
                &mut segment_info,
                &format!("{prefix}{}", decl.linkage_name(d)),
            );
            let align = desc.align.unwrap_or(1).max(1);
            leb_u32(&mut segment_info, align.trailing_zeros());
            leb_u32(&mut segment_info, 0); // flags
        }
        let data_section = (!self.segments.is_empty()).then(|| {
            out.section(&data);
            code_section + 1
        });

        // The linking section: version 2, the symbol table, the segments' names and
        // alignments (wasm-encoder has no encoder for the latter).
        let mut linking = Vec::new();
        leb_u32(&mut linking, 2);
        symtab.encode(&mut linking);
        if !self.segments.is_empty() {
            linking.push(5); // WASM_SEGMENT_INFO
            leb_u32(&mut linking, segment_info.len() as u32);
            linking.extend_from_slice(&segment_info);
        }
        out.section(&CustomSection {
            name: "linking".into(),
            data: linking.into(),
        });
        out.section(&reloc_section("reloc.CODE", code_section, &mut code_relocs));
        if let Some(d) = data_section {
            out.section(&reloc_section("reloc.DATA", d, &mut data_relocs));
        }
        Ok(out.finish())
    }

    fn symbol(&self, target: RelocTarget) -> Result<u32, String> {
        match target {
            RelocTarget::Func(f) => self.func_symbol.get(&f).copied(),
            RelocTarget::Data(d) => self.data_symbol.get(&d).copied(),
            RelocTarget::StackPointer => Some(self.sp_symbol),
        }
        .ok_or_else(|| format!("relocation against an unknown symbol {target:?}"))
    }
}

fn reloc_target(t: &ModuleRelocTarget) -> Result<RelocTarget, String> {
    match t {
        ModuleRelocTarget::User {
            namespace: 0,
            index,
        } => Ok(RelocTarget::Func(FuncId::from_u32(*index))),
        ModuleRelocTarget::User { index, .. } => Ok(RelocTarget::Data(DataId::from_u32(*index))),
        other => Err(format!("unsupported relocation target {other}")),
    }
}

fn linkage_flags(linkage: Linkage) -> u32 {
    match linkage {
        Linkage::Local => SYM_BINDING_LOCAL,
        Linkage::Hidden => SYM_VISIBILITY_HIDDEN,
        _ => 0,
    }
}

fn name(out: &mut Vec<u8>, s: &str) {
    leb_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// `v` as a 5-byte padded unsigned LEB128 (what relocations patch).
fn padded_leb(v: u32) -> [u8; 5] {
    let mut out = [0u8; 5];
    for (i, b) in out.iter_mut().enumerate() {
        *b = ((v >> (7 * i)) & 0x7f) as u8 | if i < 4 { 0x80 } else { 0 };
    }
    out
}

/// Bytes of `v` as an unsigned LEB128.
fn leb_len(v: u32) -> u32 {
    let mut out = Vec::new();
    leb_u32(&mut out, v);
    out.len() as u32
}

/// A `reloc.*` section (no encoder in wasm-encoder): the target section's index, then
/// `(type, offset, symbol[, addend])` sorted by offset.
fn reloc_section(
    name_: &'static str,
    target: u32,
    relocs: &mut [(u8, u32, u32, Option<i32>)],
) -> wasm_encoder::CustomSection<'static> {
    relocs.sort_by_key(|r| r.1);
    let mut s = Vec::new();
    leb_u32(&mut s, target);
    leb_u32(&mut s, relocs.len() as u32);
    for &(kind, offset, symbol, addend) in relocs.iter() {
        s.push(kind);
        leb_u32(&mut s, offset);
        leb_u32(&mut s, symbol);
        if let Some(a) = addend {
            leb_i64(&mut s, i64::from(a));
        }
    }
    wasm_encoder::CustomSection {
        name: name_.into(),
        data: s.into(),
    }
}
