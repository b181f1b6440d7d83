//! Compiled functions outside the process: their persistent cache key and their serialized
//! form, stored by `molt_codecache` on disk and in a remote cache.
//!
//! The key is a SHA-256 of everything the machine code depends on: the compiler (crate
//! version and [`COMPILER_VERSION`]'s hash of the codegen, MIR and runtime sources and of
//! Cranelift's versions), the target (triple, Cranelift's shared and ISA flags, which
//! include the host CPU features `cranelift_native` detected), the optimization setting, the
//! function's optimized MIR text, for each direct call whether its callee is
//! handler-free (`Symbols::handler_free`), and for each `def` whether its function object
//! is kept for direct calls (`Symbols::fobj`, which depends on the rest of the program). Symbol names are derived from content
//! (`symbol_name`), so equal keys mean equal code in any program.
//!
//! The payload is [`StoredCode`] in postcard: code bytes, alignment, relocations with
//! their targets by name, and the PC map. Relocation kinds, libcalls and known symbols are
//! stored by their Cranelift names, each name once in a table the relocations index; code
//! whose relocations cannot be named that way (a call to another function by id) is kept in
//! memory only.

use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::isa::TargetIsa;
use cranelift_module::ModuleRelocTarget;
use molt_codecache::Key;
use molt_mir::{Function, InstKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{CachedCode, SymbolicTarget, symbols::Symbols};

/// The compiler in every key: this crate's version and the hash `build.rs` computes.
pub const COMPILER_VERSION: &str = concat!(
    "molt_codegen ",
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("MOLT_CODEGEN_SOURCE_HASH")
);

/// The hash of the key fields every function of a build shares (compiler, target,
/// settings); [`key`] continues it per function.
pub(crate) fn key_prefix(isa: &dyn TargetIsa, optimize: bool) -> Sha256 {
    let mut h = Sha256::new();
    field(&mut h, COMPILER_VERSION.as_bytes());
    field(&mut h, isa.triple().to_string().as_bytes());
    field(&mut h, isa.flags().to_string().as_bytes());
    for flag in isa.isa_flags() {
        field(&mut h, flag.to_string().as_bytes());
    }
    field(&mut h, &[u8::from(optimize)]);
    h
}

/// The key of `f` compiled with the settings of `prefix` ([`key_prefix`]).
pub(crate) fn key(prefix: &Sha256, f: &Function, symbols: &Symbols) -> Key {
    let mut h = prefix.clone();
    field(&mut h, f.to_string().as_bytes());
    // How a direct call enters its callee depends on the callee (`Symbols::handler_free`),
    // and whether a `def` keeps its function object for direct calls on whether any function
    // of the program calls it directly (`Symbols::fobj`): neither is in the MIR text.
    for inst in &f.insts {
        match &inst.kind {
            InstKind::CallDirect { func, .. }
            | InstKind::CallMethodDirect { func, .. }
            | InstKind::MethodLoadDirect { func, .. }
            | InstKind::MethodIs { func, .. }
            | InstKind::ClassIs { init: func, .. }
            | InstKind::CallClassDirect { init: func, .. } => {
                h.update([u8::from(symbols.handler_free.contains(&**func))]);
            }
            InstKind::MakeFunction { name, .. } => {
                h.update([2 + u8::from(symbols.fobj.contains_key(&**name))]);
            }
            // A store of a global that direct calls of another module's function go
            // through binds its slot (`Symbols::alias`).
            InstKind::GlobalStore(name, _) => match symbols.alias_slot(&f.name, name) {
                Some((_, crate::symbols::AliasOf::Function(target))) => {
                    h.update([4]);
                    field(&mut h, target.as_bytes());
                }
                Some((_, crate::symbols::AliasOf::Module(module))) => {
                    h.update([5]);
                    field(&mut h, module.as_bytes());
                }
                None => {}
            },
            _ => {}
        }
        // A store of a global that `call.class.direct` constructs through may fill its
        // slot (`Symbols::classes`).
        if let InstKind::GlobalStore(name, _) = &inst.kind
            && symbols.class_slot(&f.name, name).is_some()
        {
            h.update([6]);
        }
        // A load of such a global reads that slot.
        if let InstKind::GlobalLoad(name) = &inst.kind
            && symbols.class_slot(&f.name, name).is_some()
        {
            h.update([7]);
        }
    }
    // How many inlined frames each copied instruction is in: the recursion depth its runtime
    // calls count (not in the MIR text; where the frames' code is, is the debug table's).
    let mut depths: Vec<(u32, u32)> = f
        .inlined_sites
        .iter()
        .map(|o| (o.site.0, o.frames.len() as u32))
        .collect();
    depths.sort_unstable();
    for (site, depth) in depths {
        h.update([8]);
        h.update(site.to_le_bytes());
        h.update(depth.to_le_bytes());
    }
    Key(h.finalize().into())
}

/// The key of part `index` of a function compiled in parts (`crate::split`), from the key
/// of the function.
pub(crate) fn part_key(function: &Key, index: usize) -> Key {
    let mut h = Sha256::new();
    field(&mut h, &function.0);
    field(&mut h, b"part");
    field(&mut h, &(index as u64).to_le_bytes());
    Key(h.finalize().into())
}

/// A length-prefixed field, so that no two sequences of fields hash alike.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// A compiled function as stored.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredCode {
    bytes: Vec<u8>,
    align: u64,
    /// Every name the relocations use (kinds and targets), each once: a function has
    /// hundreds of relocations to a few dozen symbols.
    names: Vec<String>,
    relocs: Vec<StoredReloc>,
    /// Code offset → MIR site: `(start, end, site)`, sorted by start.
    pcmap: Vec<(u32, u32, u32)>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct StoredReloc {
    offset: u32,
    /// The `Debug` name of the Cranelift `Reloc` (`X86CallPLTRel4`), in `names`.
    kind: u32,
    target: StoredTarget,
    addend: i64,
}

/// A relocation target; names are indexes into `StoredCode::names`.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum StoredTarget {
    /// A function or data object of the module, by symbol name.
    Named(u32),
    /// The function itself, at an offset.
    SelfOffset(u32),
    /// A Cranelift libcall by name (`FloorF64`).
    LibCall(u32),
    /// A well-known linker symbol by name (`ElfGlobalOffsetTable`).
    KnownSymbol(u32),
}

/// The payload of `code`, or `None` when a relocation cannot be stored by name.
pub(crate) fn encode(code: &CachedCode) -> Option<Vec<u8>> {
    let mut names: Vec<String> = Vec::new();
    let mut index: rustc_hash::FxHashMap<String, u32> = Default::default();
    let mut intern = |name: String| -> u32 {
        *index.entry(name).or_insert_with_key(|name| {
            names.push(name.clone());
            names.len() as u32 - 1
        })
    };
    let relocs = code
        .relocs
        .iter()
        .map(|(offset, kind, target, addend)| {
            let target = match target {
                SymbolicTarget::Named(name) => StoredTarget::Named(intern(name.clone())),
                SymbolicTarget::SelfOffset(off) => StoredTarget::SelfOffset(*off),
                SymbolicTarget::Other(ModuleRelocTarget::LibCall(l)) => {
                    StoredTarget::LibCall(intern(l.to_string()))
                }
                SymbolicTarget::Other(ModuleRelocTarget::KnownSymbol(k)) => {
                    StoredTarget::KnownSymbol(intern(k.to_string()))
                }
                SymbolicTarget::Other(_) => return None,
            };
            Some(StoredReloc {
                offset: *offset,
                kind: intern(format!("{kind:?}")),
                target,
                addend: *addend,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let stored = StoredCode {
        bytes: code.bytes.clone(),
        align: code.align,
        names,
        relocs,
        pcmap: code.pcmap.clone(),
    };
    postcard::to_stdvec(&stored).ok()
}

/// The code of a payload [`encode`] wrote, or `None` if it does not decode (a payload of a
/// Cranelift whose names differ is not one of ours: its key would differ too, so this is
/// damage the entry's checksum did not catch).
pub(crate) fn decode(payload: &[u8]) -> Option<CachedCode> {
    let (stored, rest) = postcard::take_from_bytes::<StoredCode>(payload).ok()?;
    if !rest.is_empty() || stored.align == 0 {
        return None;
    }
    let name = |i: u32| stored.names.get(i as usize);
    // Each kind is looked up once, not once per relocation.
    let mut kinds: Vec<Option<Reloc>> = vec![None; stored.names.len()];
    let relocs = stored
        .relocs
        .iter()
        .map(|r| {
            let target = match r.target {
                StoredTarget::Named(i) => SymbolicTarget::Named(name(i)?.clone()),
                StoredTarget::SelfOffset(off) => SymbolicTarget::SelfOffset(off),
                StoredTarget::LibCall(i) => {
                    SymbolicTarget::Other(ModuleRelocTarget::LibCall(name(i)?.parse().ok()?))
                }
                StoredTarget::KnownSymbol(i) => {
                    SymbolicTarget::Other(ModuleRelocTarget::KnownSymbol(name(i)?.parse().ok()?))
                }
            };
            let kind = match kinds.get(r.kind as usize)? {
                Some(kind) => *kind,
                None => {
                    let kind = reloc_kind(name(r.kind)?)?;
                    kinds[r.kind as usize] = Some(kind);
                    kind
                }
            };
            Some((r.offset, kind, target, r.addend))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(CachedCode {
        bytes: stored.bytes,
        align: stored.align,
        relocs,
        pcmap: stored.pcmap,
    })
}

/// The relocation kinds code can be stored with, found by `Debug` name. A kind missing here
/// makes [`decode`] fail, which is a miss (the test below checks that the kinds codegen emits
/// on this host round-trip).
const RELOC_KINDS: &[Reloc] = &[
    Reloc::Abs4,
    Reloc::Abs8,
    Reloc::X86PCRel4,
    Reloc::X86CallPCRel4,
    Reloc::X86CallPLTRel4,
    Reloc::X86GOTPCRel4,
    Reloc::X86SecRel,
    Reloc::Arm32Call,
    Reloc::Arm64Call,
    Reloc::S390xPCRel32Dbl,
    Reloc::S390xPLTRel32Dbl,
    Reloc::ElfX86_64TlsGd,
    Reloc::MachOX86_64Tlv,
    Reloc::MachOAarch64TlsAdrPage21,
    Reloc::MachOAarch64TlsAdrPageOff12,
    Reloc::Aarch64TlsDescAdrPage21,
    Reloc::Aarch64TlsDescLd64Lo12,
    Reloc::Aarch64TlsDescAddLo12,
    Reloc::Aarch64TlsDescCall,
    Reloc::Aarch64AdrGotPage21,
    Reloc::Aarch64AdrPrelPgHi21,
    Reloc::Aarch64AddAbsLo12Nc,
    Reloc::Aarch64Ld64GotLo12Nc,
    Reloc::RiscvCallPlt,
    Reloc::RiscvTlsGdHi20,
    Reloc::RiscvPCRelLo12I,
    Reloc::RiscvGotHi20,
    Reloc::RiscvPCRelHi20,
    Reloc::S390xTlsGd64,
    Reloc::S390xTlsGdCall,
    Reloc::PulleyPcRel,
    Reloc::PulleyCallIndirectHost,
];

fn reloc_kind(name: &str) -> Option<Reloc> {
    RELOC_KINDS
        .iter()
        .copied()
        .find(|k| format!("{k:?}") == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cranelift_codegen::ir;

    #[test]
    fn code_round_trips_through_its_payload() {
        let code = CachedCode {
            bytes: vec![0x55, 0x48, 0x89, 0xe5, 0xc3],
            align: 16,
            relocs: RELOC_KINDS
                .iter()
                .enumerate()
                .map(|(i, &kind)| {
                    let target = match i % 4 {
                        0 => SymbolicTarget::Named(format!("__molt_fn_f_{i}")),
                        1 => SymbolicTarget::SelfOffset(i as u32),
                        2 => {
                            SymbolicTarget::Other(ModuleRelocTarget::LibCall(ir::LibCall::FloorF64))
                        }
                        _ => SymbolicTarget::Other(ModuleRelocTarget::KnownSymbol(
                            ir::KnownSymbol::ElfGlobalOffsetTable,
                        )),
                    };
                    (i as u32, kind, target, -4)
                })
                .collect(),
            pcmap: vec![(0, 3, 1), (3, 5, 2)],
        };
        let payload = encode(&code).expect("every target can be named");
        let back = decode(&payload).expect("decodes");
        assert_eq!(encode(&back), Some(payload.clone()));
        assert_eq!(back.bytes, code.bytes);
        assert_eq!(back.relocs.len(), code.relocs.len());
        for (a, b) in back.relocs.iter().zip(&code.relocs) {
            assert_eq!(a.1, b.1);
        }
        // Damaged payloads are rejected, not misread.
        assert!(decode(&payload[..payload.len() - 1]).is_none());
        let mut longer = payload.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
    }

    #[test]
    fn code_calling_another_function_by_id_is_not_stored() {
        let code = CachedCode {
            bytes: vec![0xc3],
            align: 1,
            relocs: vec![(
                0,
                Reloc::X86CallPCRel4,
                SymbolicTarget::Other(ModuleRelocTarget::FunctionOffset(
                    cranelift_module::FuncId::from_u32(3),
                    0,
                )),
                0,
            )],
            pcmap: Vec::new(),
        };
        assert_eq!(encode(&code), None);
    }
}
