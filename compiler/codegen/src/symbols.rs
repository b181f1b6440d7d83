//! Symbols of one program object: runtime imports, compiled functions, their descriptors and
//! the constant slots the module initializer fills. Built before translation and read-only
//! during it, so functions can be translated and compiled on several threads.

use cranelift_codegen::ir::{
    self, AbiParam, ExtFuncData, ExternalName, Signature, UserExternalName, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_module::{DataId, FuncId};
use rustc_hash::FxHashMap;

/// Runtime functions generated code calls (see `docs/runtime.md`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[allow(missing_docs)]
pub enum Rt {
    IsType,
    ToIndex,
    Incref,
    Decref,
    Dealloc,
    ConstStr,
    ConstBigint,
    ConstEllipsis,
    WriteStderr,
    Binary,
    Unary,
    Compare,
    IsTrue,
    /// `molt_modules_init`: hands the runtime the program's module table.
    ModulesInit,
    GlobalLoad,
    GlobalStore,
    GlobalDel,
    /// `molt_watch_function`: a `call.direct` slot cleared when its global is rebound.
    WatchFunction,
    BuiltinLoad,
    RaiseUnbound,
    NsLoad,
    CellNew,
    CellGet,
    /// `molt_cell_get_local`: a cell of the function's own local.
    CellGetLocal,
    CellSet,
    FunctionClosure,
    Call,
    CallMethod,
    CallEx,
    GetAttr,
    SetAttr,
    GetAttrIc,
    SetAttrIc,
    CallMethodIc,
    CallMethodCached,
    MethodAppend,
    MethodPop,
    MethodGet,
    Pow,
    /// `molt_float_nan`: a fresh NaN value.
    FloatNan,
    Len,
    DelAttr,
    GetItem,
    SetItem,
    DelItem,
    BuildList,
    BuildTuple,
    BuildSet,
    BuildDict,
    BuildSlice,
    KwargsMerge,
    StarExtend,
    WithExit,
    IdentityCheck,
    HandledExc,
    BuildString,
    Format,
    Convert,
    Iter,
    IterNext,
    Unpack,
    UnpackEx,
    TupleGet,
    MakeFunction,
    MakeClass,
    Import,
    ImportFrom,
    ImportStar,
    Raise,
    ExcFetch,
    ExcHold,
    ExcHoldFunc,
    ExcMatch,
    Yield,
    YieldOwned,
    EnterCall,
    LeaveCall,
    DepthEnter,
    ExcEnter,
    ExcLeave,
    TbAdd,
    /// `molt_profile_init`: hands the runtime the build's profile table.
    ProfileInit,
    Main,
}

/// Argument and result types of a runtime function: `W` a value word (i64), `I` an i32,
/// `P` a pointer or size (i64).
impl Rt {
    /// Every runtime function.
    pub const ALL: &'static [Rt] = &[
        Rt::Incref,
        Rt::Decref,
        Rt::Dealloc,
        Rt::IsType,
        Rt::ToIndex,
        Rt::ConstStr,
        Rt::ConstBigint,
        Rt::ConstEllipsis,
        Rt::WriteStderr,
        Rt::Binary,
        Rt::Unary,
        Rt::Compare,
        Rt::IsTrue,
        Rt::ModulesInit,
        Rt::GlobalLoad,
        Rt::GlobalStore,
        Rt::GlobalDel,
        Rt::WatchFunction,
        Rt::BuiltinLoad,
        Rt::RaiseUnbound,
        Rt::NsLoad,
        Rt::CellNew,
        Rt::CellGet,
        Rt::CellGetLocal,
        Rt::CellSet,
        Rt::FunctionClosure,
        Rt::Call,
        Rt::CallMethod,
        Rt::CallEx,
        Rt::GetAttr,
        Rt::SetAttr,
        Rt::GetAttrIc,
        Rt::SetAttrIc,
        Rt::CallMethodIc,
        Rt::CallMethodCached,
        Rt::MethodAppend,
        Rt::MethodPop,
        Rt::MethodGet,
        Rt::Pow,
        Rt::FloatNan,
        Rt::Len,
        Rt::DelAttr,
        Rt::GetItem,
        Rt::SetItem,
        Rt::DelItem,
        Rt::BuildList,
        Rt::BuildTuple,
        Rt::BuildSet,
        Rt::BuildDict,
        Rt::BuildSlice,
        Rt::KwargsMerge,
        Rt::StarExtend,
        Rt::WithExit,
        Rt::IdentityCheck,
        Rt::HandledExc,
        Rt::BuildString,
        Rt::Format,
        Rt::Convert,
        Rt::Iter,
        Rt::IterNext,
        Rt::Unpack,
        Rt::UnpackEx,
        Rt::TupleGet,
        Rt::MakeFunction,
        Rt::MakeClass,
        Rt::Import,
        Rt::ImportFrom,
        Rt::ImportStar,
        Rt::Raise,
        Rt::ExcFetch,
        Rt::ExcHold,
        Rt::ExcHoldFunc,
        Rt::ExcMatch,
        Rt::Yield,
        Rt::YieldOwned,
        Rt::EnterCall,
        Rt::LeaveCall,
        Rt::DepthEnter,
        Rt::ExcEnter,
        Rt::ExcLeave,
        Rt::TbAdd,
        Rt::ProfileInit,
        Rt::Main,
    ];

    /// The exported symbol name.
    pub fn name(self) -> &'static str {
        match self {
            Rt::Incref => "molt_incref",
            Rt::Decref => "molt_decref",
            Rt::Dealloc => "molt_dealloc",
            Rt::ConstStr => "molt_const_str",
            Rt::ConstBigint => "molt_const_bigint",
            Rt::ConstEllipsis => "molt_const_ellipsis",
            Rt::WriteStderr => "molt_write_stderr",
            Rt::Binary => "molt_binary",
            Rt::Unary => "molt_unary",
            Rt::Compare => "molt_compare",
            Rt::IsTrue => "molt_is_true",
            Rt::ModulesInit => "molt_modules_init",
            Rt::GlobalLoad => "molt_global_load",
            Rt::GlobalStore => "molt_global_store",
            Rt::GlobalDel => "molt_global_del",
            Rt::WatchFunction => "molt_watch_function",
            Rt::BuiltinLoad => "molt_builtin_load",
            Rt::RaiseUnbound => "molt_raise_unbound",
            Rt::NsLoad => "molt_ns_load",
            Rt::CellNew => "molt_cell_new",
            Rt::CellGet => "molt_cell_get",
            Rt::CellGetLocal => "molt_cell_get_local",
            Rt::CellSet => "molt_cell_set",
            Rt::FunctionClosure => "molt_function_closure",
            Rt::Call => "molt_call",
            Rt::CallMethod => "molt_call_method",
            Rt::CallEx => "molt_call_ex",
            Rt::GetAttr => "molt_getattr",
            Rt::SetAttr => "molt_setattr",
            Rt::GetAttrIc => "molt_getattr_ic",
            Rt::SetAttrIc => "molt_setattr_ic",
            Rt::CallMethodIc => "molt_call_method_ic",
            Rt::CallMethodCached => "molt_call_method_cached",
            Rt::MethodAppend => "molt_method_append",
            Rt::MethodPop => "molt_method_pop",
            Rt::MethodGet => "molt_method_get",
            Rt::Pow => "pow",
            Rt::FloatNan => "molt_float_nan",
            Rt::Len => "molt_len",
            Rt::DelAttr => "molt_delattr",
            Rt::GetItem => "molt_getitem",
            Rt::SetItem => "molt_setitem",
            Rt::DelItem => "molt_delitem",
            Rt::BuildList => "molt_build_list",
            Rt::BuildTuple => "molt_build_tuple",
            Rt::BuildSet => "molt_build_set",
            Rt::BuildDict => "molt_build_dict",
            Rt::BuildSlice => "molt_build_slice",
            Rt::KwargsMerge => "molt_kwargs_merge",
            Rt::StarExtend => "molt_star_extend",
            Rt::WithExit => "molt_with_exit",
            Rt::IdentityCheck => "molt_identity_check",
            Rt::HandledExc => "molt_exc_handled",
            Rt::BuildString => "molt_build_string",
            Rt::Format => "molt_format",
            Rt::Convert => "molt_convert",
            Rt::Iter => "molt_iter",
            Rt::IterNext => "molt_iter_next",
            Rt::Unpack => "molt_unpack",
            Rt::UnpackEx => "molt_unpack_ex",
            Rt::TupleGet => "molt_tuple_get",
            Rt::MakeFunction => "molt_make_function",
            Rt::MakeClass => "molt_make_class",
            Rt::Import => "molt_import",
            Rt::ImportFrom => "molt_import_from",
            Rt::ImportStar => "molt_import_star",
            Rt::Raise => "molt_raise",
            Rt::ExcFetch => "molt_exc_fetch",
            Rt::ExcHold => "molt_exc_hold",
            Rt::ExcHoldFunc => "molt_exc_hold_func",
            Rt::ExcMatch => "molt_exc_match",
            Rt::Yield => "molt_yield",
            Rt::YieldOwned => "molt_yield_owned",
            Rt::EnterCall => "molt_enter_call",
            Rt::LeaveCall => "molt_leave_call",
            Rt::DepthEnter => "molt_depth_enter",
            Rt::ExcEnter => "molt_exc_enter",
            Rt::ExcLeave => "molt_exc_leave",
            Rt::TbAdd => "molt_tb_add",
            Rt::ProfileInit => "molt_profile_init",
            Rt::Main => "molt_main",
            Rt::IsType => "molt_is_type",
            Rt::ToIndex => "molt_to_index",
        }
    }

    /// Parameter kinds and result kind (`W` value, `I` i32, `P` pointer/size, `F` f64, `-`
    /// none).
    fn shape(self) -> (&'static str, char) {
        match self {
            Rt::Incref => ("W", 'W'),
            Rt::Decref | Rt::Dealloc => ("W", '-'),
            Rt::WriteStderr => ("PP", '-'),
            Rt::ConstStr | Rt::ConstBigint | Rt::ModulesInit => ("PP", 'W'),
            Rt::ConstEllipsis | Rt::ExcFetch => ("", 'W'),
            Rt::EnterCall => ("", 'P'),
            Rt::LeaveCall | Rt::ProfileInit => ("P", '-'),
            Rt::DepthEnter => ("", 'P'),
            Rt::ExcEnter => ("WI", '-'),
            Rt::ExcLeave => ("I", '-'),
            Rt::TbAdd => ("PI", '-'),
            Rt::ExcHold | Rt::ExcHoldFunc => ("W", '-'),
            Rt::Binary | Rt::Compare => ("IWW", 'W'),
            Rt::Unary | Rt::Convert => ("IW", 'W'),
            Rt::IsTrue => ("W", 'I'),
            Rt::IsType => ("WI", 'I'),
            Rt::ToIndex => ("W", 'W'),
            Rt::GlobalLoad => ("WW", 'W'),
            Rt::GlobalStore => ("WWW", 'I'),
            Rt::GlobalDel => ("WW", 'I'),
            Rt::WatchFunction => ("WWP", '-'),
            Rt::ImportStar => ("WWW", 'I'),
            Rt::IdentityCheck => ("W", 'I'),
            Rt::HandledExc => ("", 'W'),
            Rt::BuiltinLoad
            | Rt::RaiseUnbound
            | Rt::CellNew
            | Rt::Iter
            | Rt::WithExit
            | Rt::IterNext
            | Rt::Yield
            | Rt::YieldOwned => ("W", 'W'),
            Rt::Import => ("WIWW", 'W'),
            Rt::NsLoad => ("WWW", 'W'),
            Rt::CellGet => ("WW", 'W'),
            Rt::CellGetLocal => ("WW", 'W'),
            Rt::CellSet => ("WW", 'I'),
            Rt::FunctionClosure => ("WP", 'W'),
            Rt::Call => ("WPPWP", 'W'),
            Rt::CallMethod => ("WWPPWP", 'W'),
            Rt::CallEx => ("WWW", 'W'),
            Rt::GetAttr | Rt::ImportFrom | Rt::GetItem => ("WW", 'W'),
            Rt::SetAttr | Rt::SetItem | Rt::KwargsMerge => ("WWW", 'I'),
            Rt::DelAttr | Rt::DelItem | Rt::StarExtend => ("WW", 'I'),
            Rt::GetAttrIc => ("WWP", 'W'),
            Rt::SetAttrIc => ("WWWP", 'I'),
            Rt::CallMethodIc => ("WWPIPPP", 'W'),
            Rt::CallMethodCached => ("WWPPWPP", 'W'),
            Rt::MethodAppend => ("WWWP", 'W'),
            Rt::MethodPop => ("WWP", 'W'),
            Rt::MethodGet => ("WWWWP", 'W'),
            Rt::Pow => ("FF", 'F'),
            Rt::FloatNan => ("W", 'W'),
            Rt::Len => ("W", 'W'),
            Rt::BuildList | Rt::BuildTuple | Rt::BuildSet | Rt::BuildDict | Rt::BuildString => {
                ("PP", 'W')
            }
            Rt::BuildSlice => ("WWW", 'W'),
            Rt::Format => ("WW", 'W'),
            Rt::Unpack | Rt::TupleGet => ("WP", 'W'),
            Rt::UnpackEx => ("WPP", 'W'),
            Rt::MakeFunction => ("PPPPPW", 'W'),
            Rt::MakeClass => ("WWWPIW", 'W'),
            Rt::Raise => ("WW", 'W'),
            Rt::ExcMatch => ("WW", 'I'),
            Rt::Main => ("IPP", 'I'),
        }
    }

    /// The Cranelift signature.
    pub fn signature(self, call_conv: CallConv) -> Signature {
        let mut sig = Signature::new(call_conv);
        let (params, ret) = self.shape();
        let ty = |c: char| match c {
            'I' => types::I32,
            'F' => types::F64,
            _ => types::I64,
        };
        for c in params.chars() {
            sig.params.push(AbiParam::new(ty(c)));
        }
        if ret != '-' {
            sig.returns.push(AbiParam::new(ty(ret)));
        }
        sig
    }
}

/// Everything translation needs to reference by symbol.
pub struct Symbols {
    /// Calling convention of the target.
    pub call_conv: CallConv,
    /// Target facts the function builder needs.
    pub frontend: cranelift_codegen::isa::TargetFrontendConfig,
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
    /// Per `getattr.slot`/`setattr.slot` site (keyed by [`ic_symbol`]): its 8-byte inline
    /// cache cell (class shape in the low 32 bits, slot index in the high 32 bits; 0 = empty).
    /// Per `call.method.direct` site: 16 bytes (class shape, then the function object).
    /// Per `call.method` site without a [`method_entry`]: 32 bytes (builtin class, the
    /// builtin method's implementation, then the hit and miss counters of profiling).
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
}

/// How a `call.method` site calls: the runtime entry point specialized for the method
/// (`molt_method_append`, `_pop`, `_get`: positional arguments in registers, the list or dict
/// operation inline, any other receiver through the generic path), or `None` for
/// `molt_call_method_cached` with a 16-byte inline cache cell.
pub fn method_entry(name: &str, args: &molt_mir::CallArgs) -> Option<Rt> {
    if !args.keywords.is_empty() {
        return None;
    }
    match (name, args.positional.len()) {
        ("append", 1) => Some(Rt::MethodAppend),
        ("pop", 0) => Some(Rt::MethodPop),
        ("get", 1 | 2) => Some(Rt::MethodGet),
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
        func.import_function(ExtFuncData {
            name: ExternalName::user(name),
            signature,
            colocated: false,
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

    /// Imports data object `data` (a `DataId` index) into `func`; `colocated` for data this
    /// object defines (addressed PC-relative), not for the runtime's (through the GOT).
    pub fn import_data(
        &self,
        func: &mut ir::Function,
        data: u32,
        colocated: bool,
    ) -> ir::GlobalValue {
        let name = func.declare_imported_user_function(UserExternalName {
            namespace: 1,
            index: data,
        });
        func.create_global_value(ir::GlobalValueData::Symbol {
            name: ExternalName::user(name),
            offset: ir::immediates::Imm64::new(0),
            colocated,
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

    /// The slot holding the module object of MIR function `function` (its module is the
    /// prefix of its name: `molt_mir::split_module`).
    pub fn module_slot(&self, function: &str) -> Option<u32> {
        let (module, _) = molt_mir::split_module(function);
        self.modules.get(module).map(|d| d.as_u32())
    }

    /// Whether `data` is the runtime's (imported: addressed through the GOT).
    pub fn is_imported_data(&self, data: u32) -> bool {
        data == self.depth.as_u32() || data == self.profile_on.as_u32()
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
