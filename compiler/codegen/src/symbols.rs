//! Symbols of one program object: runtime imports, compiled functions, their descriptors and
//! the constant slots the module initializer fills. Built before translation and read-only
//! during it, so functions can be translated and compiled on several threads.

use cranelift_codegen::ir::{
    self, AbiParam, ExtFuncData, ExternalName, Signature, UserExternalName, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_module::{DataId, FuncId};
use molt_abi::{AbiType, Repr};
use rustc_hash::FxHashMap;

/// Names the ABI's signature types resolve to in codegen: `Value` is a value word, the
/// descriptor types are opaque (only their pointers appear).
mod abi_types {
    pub use core::ffi::c_char;
    pub use molt_abi::Word as Value;
    /// `molt_runtime::object::FunctionCode`.
    pub enum FunctionCode {}
    /// `molt_runtime::modules::ModuleEntry`.
    pub enum ModuleEntry {}
    /// `molt_runtime::profile::ProfileTable`.
    pub enum ProfileTable {}
}

/// Defines [`Rt`] from `molt_abi::for_each_runtime_function!`: one variant per function,
/// its symbol and its parameter and result [`Repr`]s.
macro_rules! define_rt {
    (
        runtime {
            $( $(#[$rattr:meta])* $rvariant:ident = $rname:ident ( $($rarg:ident : $rty:ty),* $(,)? ) $(-> $rret:ty)? ; )*
        }
        libc {
            $( $(#[$lattr:meta])* $lvariant:ident = $lname:ident ( $($larg:ident : $lty:ty),* $(,)? ) $(-> $lret:ty)? ; )*
        }
    ) => {
        /// Functions generated code calls: the runtime's exports and a few of the C
        /// library's (`molt_abi::for_each_runtime_function!`, `docs/runtime.md`).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Rt {
            $( $(#[$rattr])* $rvariant, )*
            $( $(#[$lattr])* $lvariant, )*
        }

        impl Rt {
            /// Every function, in the order of the ABI's list.
            pub const ALL: &'static [Rt] = &[$(Rt::$rvariant,)* $(Rt::$lvariant,)*];

            /// The symbol name.
            pub fn name(self) -> &'static str {
                match self {
                    $(Rt::$rvariant => stringify!($rname),)*
                    $(Rt::$lvariant => stringify!($lname),)*
                }
            }

            /// Whether the runtime exports it (else the C library does).
            pub fn from_runtime(self) -> bool {
                match self {
                    $(Rt::$rvariant => true,)*
                    $(Rt::$lvariant => false,)*
                }
            }

            /// How each parameter is passed.
            pub fn params(self) -> &'static [Repr] {
                use abi_types::*;
                match self {
                    $(Rt::$rvariant => {
                        const P: &[Repr] = &[$(<$rty as AbiType>::REPR),*];
                        P
                    })*
                    $(Rt::$lvariant => {
                        const P: &[Repr] = &[$(<$lty as AbiType>::REPR),*];
                        P
                    })*
                }
            }

            /// How the result is passed (`None`: no result).
            pub fn result(self) -> Option<Repr> {
                use abi_types::*;
                match self {
                    $(Rt::$rvariant => None $(.or(Some(<$rret as AbiType>::REPR)))?,)*
                    $(Rt::$lvariant => None $(.or(Some(<$lret as AbiType>::REPR)))?,)*
                }
            }
        }
    };
}

molt_abi::for_each_runtime_function!(define_rt);

impl Rt {
    /// The Cranelift signature on a 64-bit target (value words and pointers are `i64`).
    pub fn signature(self, call_conv: CallConv) -> Signature {
        let mut sig = Signature::new(call_conv);
        for &p in self.params() {
            sig.params.push(AbiParam::new(clif_type(p)));
        }
        if let Some(r) = self.result() {
            sig.returns.push(AbiParam::new(clif_type(r)));
        }
        sig
    }
}

/// `args` converted to the widths `f` takes: a 64-bit integer passed for a 32-bit parameter
/// is truncated (`ireduce`, free on the targets we have), a 32-bit one for a 64-bit parameter
/// zero-extended; other values pass unchanged. Call sites may compute counts and codes in
/// either width; the call matches the ABI's signature exactly, as a wasm32 module must.
pub fn fit_args(
    b: &mut cranelift_frontend::FunctionBuilder<'_>,
    f: Rt,
    args: &[ir::Value],
) -> Vec<ir::Value> {
    use cranelift_codegen::ir::InstBuilder;
    debug_assert_eq!(args.len(), f.params().len(), "arity of {}", f.name());
    args.iter()
        .zip(f.params())
        .map(|(&v, &p)| {
            let want = clif_type(p);
            let have = b.func.dfg.value_type(v);
            if have == want || !have.is_int() || !want.is_int() {
                v
            } else if have.bits() > want.bits() {
                b.ins().ireduce(want, v)
            } else {
                b.ins().uextend(want, v)
            }
        })
        .collect()
}

/// The Cranelift type of a [`Repr`] on a 64-bit target.
pub fn clif_type(repr: Repr) -> ir::Type {
    match repr {
        Repr::I32 => types::I32,
        Repr::F64 => types::F64,
        Repr::Value | Repr::I64 | Repr::Ptr => types::I64,
    }
}

/// Everything translation needs to reference by symbol.
pub struct Symbols {
    /// Calling convention of the target.
    pub call_conv: CallConv,
    /// Target facts the function builder needs.
    pub frontend: cranelift_codegen::isa::TargetFrontendConfig,
    /// The build is for wasm32, whose runtime lays out some objects with 4-byte fields
    /// (a str's length and text offsets, `molt_abi::layout`).
    pub wasm32: bool,
    /// Runtime imports.
    pub runtime: FxHashMap<Rt, FuncId>,
    /// Cache slot per string constant.
    pub strings: FxHashMap<String, DataId>,
    /// Cache slot per big int constant (decimal digits).
    pub bigints: FxHashMap<String, DataId>,
    /// Cache slot per keyword-name tuple.
    pub kwnames: FxHashMap<Vec<String>, DataId>,
    /// Slot holding `...`.
    pub ellipsis: DataId,
    /// Per module name: the slot holding its module object (`__molt_module` for
    /// `__main__`, [`module_slot_symbol`]).
    pub modules: FxHashMap<String, DataId>,
    /// `FunctionCode` descriptor per MIR function name.
    pub code: FxHashMap<String, DataId>,
    /// Compiled function per MIR function name.
    pub functions: FxHashMap<String, FuncId>,
    /// Per `call.direct` target: a slot holding its function object once its `def` has run.
    pub fobj: FxHashMap<String, DataId>,
    /// Per global that `call.direct ... via` calls a function of another module through
    /// (keyed by [`alias_key`]): a slot holding the object the direct call needs while the
    /// global holds it (set when the global is stored, cleared by the runtime's watch), and
    /// what that object is.
    pub alias: FxHashMap<String, (DataId, AliasOf)>,
    /// Per global that `call.class.direct` constructs a class of its module through (keyed
    /// by [`alias_key`]): a slot holding the class its `class` statement stored there, while
    /// the global holds it (cleared by the runtime's watch).
    pub classes: FxHashMap<String, DataId>,
    /// Per `getattr.slot`/`setattr.slot` site (keyed by [`ic_symbol`]): its 8-byte inline
    /// cache cell (class shape in the low 32 bits, slot index in the high 32 bits; 0 = empty).
    /// Per `call.method.direct` site: 16 bytes (class shape, then the function object);
    /// per `call.class.direct` site the same (the class's shape, then its `__init__`).
    /// Per `call.method` site without a [`method_entry`]: `molt_abi::ic::CACHED_CELL_SIZE`
    /// bytes (builtin class, the builtin method's implementation, the hit and miss counters
    /// of profiling, then the (class shape, function) entries of instance receivers).
    pub ic: FxHashMap<String, DataId>,
    /// The runtime's `molt_depth` (`molt_runtime::state::CallDepth`: call depth `u32` at
    /// offset 0, recursion limit `u32` at offset 4), imported.
    pub depth: DataId,
    /// The runtime's `molt_profile_on` (an `u64`: all ones while profiling, else 0),
    /// imported: deopt counters are updated only when it is set.
    pub profile_on: DataId,
    /// Per MIR function name: its profile counter array
    /// ([`crate::profile::counters_symbol`]).
    pub counters: FxHashMap<String, DataId>,
    /// MIR functions without exception handlers: calls of them count the recursion depth
    /// only (inline against `molt_depth`), no handled-exception frame.
    pub handler_free: rustc_hash::FxHashSet<String>,
    /// Per MIR name of an integer function ([`molt_mir::int_functions`]): its machine copy
    /// (signature [`crate::translate::machine_signature`]).
    pub machine: FxHashMap<String, FuncId>,
    /// Per MIR name of an integer function: its bail count (an `i64`, zero at start), which
    /// stops the generic code entering the copy at [`molt_mir::int_functions::BAIL_LIMIT`].
    pub bails: FxHashMap<String, DataId>,
}

/// How a `call.method` site calls: the runtime entry point specialized for the method
/// (`molt_method_append`, `_pop`, `_get`, `_str_pred` for `isdigit()` and the other
/// character tests: positional arguments in registers, the list, dict or str operation
/// inline, any other receiver through the generic path; `molt_method_str` for the other
/// methods of a receiver typed `str` with at most two positional arguments, which calls the
/// method's implementation without a lookup), or `None` for
/// `molt_call_method_cached` with a 16-byte inline cache cell.
pub fn method_entry(
    name: &str,
    args: &molt_mir::CallArgs,
    receiver: &molt_mir::Type,
) -> Option<Rt> {
    if !args.keywords.is_empty() {
        return None;
    }
    match (name, args.positional.len()) {
        ("append", 1) => Some(Rt::MethodAppend),
        ("pop", 0) => Some(Rt::MethodPop),
        ("get", 1 | 2) => Some(Rt::MethodGet),
        (name, 0) if molt_abi::str_pred::of(name).is_some() => Some(Rt::MethodStrPred),
        (name, 0..=2)
            if *receiver == molt_mir::Type::Str && molt_abi::str_method::of(name).is_some() =>
        {
            Some(Rt::MethodStr)
        }
        _ => None,
    }
}

/// The symbol of the slot holding module `module`'s object: `__molt_module` for
/// `__main__` (the only module of a one-file program), else derived from the name.
pub fn module_slot_symbol(module: &str) -> String {
    if module == "__main__" {
        "__molt_module".into()
    } else {
        crate::symbol_name("__molt_module_", module)
    }
}

/// The symbol of the inline cache cell of site `site` in MIR function `function`.
pub fn ic_symbol(function: &str, site: u32) -> String {
    crate::symbol_name("__molt_ic_", &format!("{function}#{site}"))
}

impl Symbols {
    /// Imports runtime function `f` into `func`.
    pub fn import_runtime(&self, func: &mut ir::Function, f: Rt) -> ir::FuncRef {
        let id = self.runtime[&f];
        let signature = func.import_signature(f.signature(self.call_conv));
        let name = func.declare_imported_user_function(UserExternalName {
            namespace: 0,
            index: id.as_u32(),
        });
        // Colocated: the runtime is linked statically into the same executable, so a call
        // is a direct `call rel32` rather than a load of the address from the GOT and an
        // indirect call (the linker resolves the relocation; a libc function gets a PLT
        // entry).
        func.import_function(ExtFuncData {
            name: ExternalName::user(name),
            signature,
            colocated: true,
            patchable: false,
        })
    }

    /// Imports function `id` of this object into `func`.
    pub fn import_local_function(
        &self,
        func: &mut ir::Function,
        id: FuncId,
        sig: Signature,
    ) -> ir::FuncRef {
        let signature = func.import_signature(sig);
        let name = func.declare_imported_user_function(UserExternalName {
            namespace: 0,
            index: id.as_u32(),
        });
        func.import_function(ExtFuncData {
            name: ExternalName::user(name),
            signature,
            colocated: true,
            patchable: false,
        })
    }

    /// Imports data object `data` (a `DataId` index) into `func`, addressed PC-relative
    /// (`lea sym(%rip)`), the runtime's own data (`molt_depth`, the profiling switch)
    /// included: the runtime is linked statically into the same executable, so no GOT entry
    /// is needed (wasm32 ignores the flag: every address is a linker-patched constant).
    pub fn import_data(&self, func: &mut ir::Function, data: u32) -> ir::GlobalValue {
        let name = func.declare_imported_user_function(UserExternalName {
            namespace: 1,
            index: data,
        });
        func.create_global_value(ir::GlobalValueData::Symbol {
            name: ExternalName::user(name),
            offset: ir::immediates::Imm64::new(0),
            colocated: true,
            tls: false,
        })
    }

    /// The cache slot of string constant `s` (collected before translation).
    pub fn str_slot(&self, s: &str) -> u32 {
        self.strings
            .get(s)
            .map(|d| d.as_u32())
            .unwrap_or(self.ellipsis.as_u32())
    }

    /// The cache slot of a big int constant.
    pub fn bigint_slot(&self, digits: &str) -> u32 {
        self.bigints
            .get(digits)
            .map(|d| d.as_u32())
            .unwrap_or(self.ellipsis.as_u32())
    }

    /// The cache slot of a keyword-name tuple.
    pub fn kwnames_slot(&self, names: &[&str]) -> u32 {
        let key: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        self.kwnames
            .get(&key)
            .map(|d| d.as_u32())
            .unwrap_or(self.ellipsis.as_u32())
    }

    /// The slot holding `...`.
    pub fn ellipsis_slot(&self) -> u32 {
        self.ellipsis.as_u32()
    }

    /// The slot and the function of the global `name` of the module of MIR function
    /// `function`, if a direct call goes through it ([`Self::alias`]).
    pub fn alias_slot(&self, function: &str, name: &str) -> Option<(u32, &AliasOf)> {
        self.alias
            .get(&alias_key(function, name))
            .map(|(d, target)| (d.as_u32(), target))
    }

    /// The slot of [`Self::classes`] for the global `name` of the module of MIR function
    /// `function`.
    pub fn class_slot(&self, function: &str, name: &str) -> Option<u32> {
        self.classes
            .get(&alias_key(function, name))
            .map(|d| d.as_u32())
    }

    /// The slot holding the module object of MIR function `function` (its module is the
    /// prefix of its name: `molt_mir::split_module`).
    pub fn module_slot(&self, function: &str) -> Option<u32> {
        let (module, _) = molt_mir::split_module(function);
        self.modules.get(module).map(|d| d.as_u32())
    }

    /// The descriptor of MIR function `name`.
    pub fn code_data(&self, name: &str) -> Option<u32> {
        self.code.get(name).map(|d| d.as_u32())
    }
}

/// What the slot of a global in [`Symbols::alias`] holds (the global's value, while it is
/// that object).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum AliasOf {
    /// The function object of the `def` of this MIR function (`from m import f`).
    Function(String),
    /// The module object of this module (`import m`).
    Module(String),
}

/// The key of [`Symbols::alias`] for the global `name` of the module of MIR function
/// `function` (module name, a NUL, the global's name).
pub fn alias_key(function: &str, name: &str) -> String {
    format!("{}\u{0}{name}", molt_mir::split_module(function).0)
}
