//! Codegen: MIR functions to a native object file with Cranelift.
//!
//! [`compile_program`] declares every symbol first ([`symbols`]), then translates and compiles
//! each MIR function on its own ([`translate`]) — on several threads, since a function's
//! machine code depends only on its MIR and the symbol table — and finally emits the module
//! initializer (`__molt_init`: the module object, the constant slots, then `<module>`) and a C
//! `main` that hands control to the runtime's `molt_main`. The object file is linked with
//! `molt_runtime` by the driver.

pub mod debug;
mod liveness;
mod memory_cache;
mod once;
mod persist;
pub mod profile;
mod split;
mod symbols;
mod timing;
mod translate;
pub mod wasm;

use std::sync::Arc;

use cranelift_codegen::ir::{self, AbiParam, InstBuilder, StackSlotData, StackSlotKind, types};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{Context, control::ControlPlane};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module, ModuleReloc};
use cranelift_object::{ObjectBuilder, ObjectModule};
use molt_mir::{Constant, Function, InstKind, IntConst};
use rustc_hash::FxHashMap;

use memory_cache::CODE_CACHE;
pub use profile::BuildInfo;
pub use symbols::Rt;
use symbols::Symbols;

/// Failures of code generation, one variant per class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodegenError {
    /// The function uses something codegen does not support yet (a diagnostic for the user).
    Unsupported {
        /// MIR function name.
        function: String,
        /// What is unsupported, for "`what` is not supported yet".
        what: String,
    },
    /// The host is not a target Cranelift supports.
    UnsupportedTarget(String),
    /// Cranelift rejected the generated IR or failed to compile it (a compiler bug).
    Cranelift {
        /// MIR function name.
        function: String,
        /// Cranelift's message.
        message: String,
    },
    /// Writing the object file failed.
    Object(String),
    /// An inconsistency in the MIR given to codegen (a compiler bug).
    Internal {
        /// MIR function name.
        function: String,
        /// What went wrong.
        message: String,
    },
}

impl std::fmt::Display for CodegenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodegenError::Unsupported { function, what } => {
                write!(
                    f,
                    "in `{function}`: {what} is not supported yet by the native backend"
                )
            }
            CodegenError::UnsupportedTarget(m) => write!(f, "unsupported target: {m}"),
            CodegenError::Cranelift { function, message } => {
                write!(
                    f,
                    "internal compiler error compiling `{function}`: {message}"
                )
            }
            CodegenError::Object(m) => write!(f, "cannot write the object file: {m}"),
            CodegenError::Internal { function, message } => {
                write!(f, "internal compiler error in `{function}`: {message}")
            }
        }
    }
}

impl std::error::Error for CodegenError {}

/// Codegen settings.
#[derive(Clone, Debug)]
pub struct CodegenOptions {
    /// Cranelift optimization: `false` = `none`, `true` = `speed`.
    pub optimize: bool,
    /// Worker threads for compiling functions (at least 1).
    pub threads: usize,
    /// Text the program writes to stderr before its module code runs: CPython's
    /// compile-time warnings, which CPython prints when it compiles the file (empty: none).
    pub startup_stderr: String,
    /// The build id and source files written into the program for its profiles.
    pub build: BuildInfo,
    /// The disk and remote code caches to read and write, and the build's counts of where
    /// each function came from (`None`: the in-memory cache only).
    pub code_cache: Option<Arc<molt_codecache::CodeCache>>,
    /// The program's modules, `__main__` first, for the runtime's module table (empty: one
    /// `__main__` module without `__file__`). The functions of a module other than
    /// `__main__` are named with its prefix (`molt_mir::Function::in_module`).
    pub modules: Vec<ProgramModule>,
    /// What to make: a native object with a C `main`, or a wasm32 object with `_start`.
    pub target: Target,
}

/// The code a build makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Target {
    /// Machine code for the host (Cranelift), an ELF object with a C `main`.
    #[default]
    Native,
    /// WebAssembly (wasm32), a relocatable wasm object with a WASI `_start`.
    Wasm32,
}

/// A module of the program, as the runtime's module table describes it
/// (`molt_runtime::modules::ModuleEntry`): it is created and its `<module>` code run when it
/// is first imported (`__main__` at start-up).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramModule {
    /// `__name__` (`__main__`, `helper`, `pkg.sub`).
    pub name: String,
    /// `__file__` (`None` for a namespace package).
    pub file: Option<String>,
    /// `__path__` of a package: its folders (empty for a plain module).
    pub path: Vec<String>,
    /// Whether it is a package (a namespace package has folders and no file).
    pub is_package: bool,
}

impl Default for CodegenOptions {
    fn default() -> CodegenOptions {
        CodegenOptions {
            optimize: true,
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
                .min(8),
            startup_stderr: String::new(),
            build: BuildInfo::default(),
            code_cache: None,
            modules: Vec::new(),
            target: Target::Native,
        }
    }
}

/// Compiles a program — its MIR functions, `<module>` among them — to a relocatable object
/// file (bytes) with a C `main`.
///
/// # Errors
/// [`CodegenError`]: unsupported constructs (generators for now), an unsupported host, or an
/// internal error.
pub fn compile_program(
    functions: &[Arc<Function>],
    options: &CodegenOptions,
) -> Result<Vec<u8>, CodegenError> {
    compile_program_with_debug(functions, &debug::ProgramDebug::default(), options)
}

/// [`compile_program`] with the debug tables of the functions (tracebacks print their
/// source positions; a function without a table prints `line ?`).
///
/// # Errors
/// As [`compile_program`].
pub fn compile_program_with_debug(
    functions: &[Arc<Function>],
    debug: &debug::ProgramDebug,
    options: &CodegenOptions,
) -> Result<Vec<u8>, CodegenError> {
    let isa = make_isa(
        if options.optimize { "speed" } else { "none" },
        "backtracking",
    )?;
    // Code that runs once (`runs_once`): no e-graph pass, and the single-pass register
    // allocator (one pass over the code; it spills more, which code run once does not notice).
    let once_isa = make_isa("none", "single_pass")?;
    match options.target {
        Target::Native => {
            let builder = ObjectBuilder::new(
                isa,
                "molt_program",
                cranelift_module::default_libcall_names(),
            )
            .map_err(|e| CodegenError::Object(e.to_string()))?;
            let mut module = ObjectModule::new(builder);
            build_module(&mut module, functions, debug, options, &*once_isa)?;
            let t = std::time::Instant::now();
            let object = module
                .finish()
                .emit()
                .map_err(|e| CodegenError::Object(e.to_string()));
            if *timing::ENABLED {
                eprintln!(
                    "  object emission              {:8.1} ms",
                    t.elapsed().as_secs_f64() * 1000.0
                );
            }
            object
        }
        Target::Wasm32 => {
            let mut module = wasm::WasmModule::new(isa);
            build_module(&mut module, functions, debug, options, &*once_isa)?;
            module.finish().map_err(CodegenError::Object)
        }
    }
}

/// The host's ISA with Cranelift's `opt_level` and `regalloc_algorithm` set to `opt_level`
/// and `regalloc` (the other flags are those of every build).
///
/// # Errors
/// [`CodegenError::UnsupportedTarget`] when the host or a setting is not supported.
fn make_isa(
    opt_level: &str,
    regalloc: &str,
) -> Result<cranelift_codegen::isa::OwnedTargetIsa, CodegenError> {
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, k: &str, v: &str| {
        flags
            .set(k, v)
            .map_err(|e| CodegenError::UnsupportedTarget(e.to_string()))
    };
    set(&mut flags, "opt_level", opt_level)?;
    set(&mut flags, "regalloc_algorithm", regalloc)?;
    set(&mut flags, "is_pic", "true")?;
    // Frame pointers everywhere: the sampling profiler walks them from a runtime helper to
    // the compiled code that called it.
    set(&mut flags, "preserve_frame_pointers", "true")?;
    // Cranelift's IR verifier checks every function before compiling it (5% of codegen
    // time): on in debug builds, where the tests run, off in release builds, as wasmtime
    // ships it.
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        },
    )?;
    cranelift_native::builder()
        .map_err(|e| CodegenError::UnsupportedTarget(e.to_string()))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| CodegenError::UnsupportedTarget(e.to_string()))
}

/// What the two backends do differently with the same declarations and CLIF: the native one
/// compiles machine code (cached) into an object file, the wasm32 one selects wasm
/// instructions ([`wasm`]).
trait Backend: Module {
    /// The wasm32 backend?
    const WASM: bool;
    /// Records the wasm signature of `f` (the native backend needs none).
    fn set_wasm_signature(&mut self, _f: FuncId, _sig: wasm::WasmSig) {}
    /// The wasm signature of every declared function (`None` for the native backend).
    fn wasm_signatures(&self) -> Option<FxHashMap<FuncId, wasm::WasmSig>> {
        None
    }
    /// Defines a function with code a worker made.
    fn define_unit(&mut self, id: FuncId, code: UnitCode) -> Result<(), CodegenError>;
}

impl Backend for ObjectModule {
    const WASM: bool = false;

    fn define_unit(&mut self, id: FuncId, code: UnitCode) -> Result<(), CodegenError> {
        let UnitCode::Native(c) = code else {
            return Err(CodegenError::Object("wasm code for a native object".into()));
        };
        self.define_function_bytes(id, c.align, &c.bytes, &c.relocs)
            .map_err(|e| CodegenError::Object(e.to_string()))?;
        Ok(())
    }
}

impl Backend for wasm::WasmModule {
    const WASM: bool = true;

    fn set_wasm_signature(&mut self, f: FuncId, sig: wasm::WasmSig) {
        self.set_signature(f, sig);
    }

    fn wasm_signatures(&self) -> Option<FxHashMap<FuncId, wasm::WasmSig>> {
        Some(
            self.declarations()
                .get_functions()
                .map(|(id, _)| (id, self.signature(id)))
                .collect(),
        )
    }

    fn define_unit(&mut self, id: FuncId, code: UnitCode) -> Result<(), CodegenError> {
        let UnitCode::Wasm(w) = code else {
            return Err(CodegenError::Object(
                "machine code for a wasm object".into(),
            ));
        };
        self.define_wasm(id, w);
        Ok(())
    }
}

/// The code of one compiled unit, per backend.
enum UnitCode {
    Native(Compiled),
    Wasm(wasm::WasmFunction),
}

/// Declares and defines everything of the program in `module` (either backend).
fn build_module<M: Backend>(
    module: &mut M,
    functions: &[Arc<Function>],
    debug: &debug::ProgramDebug,
    options: &CodegenOptions,
    once_isa: &dyn cranelift_codegen::isa::TargetIsa,
) -> Result<(), CodegenError> {
    let mut times = timing::Report::default();
    let t = std::time::Instant::now();
    let call_conv = module.isa().default_call_conv();
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());

    // Runtime imports.
    let mut runtime = FxHashMap::default();
    for &f in Rt::ALL {
        let id = module
            .declare_function(f.name(), Linkage::Import, &f.signature(call_conv))
            .map_err(obj_err)?;
        module.set_wasm_signature(id, wasm::WasmSig::of_reprs(f.params(), f.result()));
        runtime.insert(f, id);
    }
    // Compiled functions and their descriptors.
    let py_sig = translate::python_signature(call_conv);
    let mut func_ids: Vec<FuncId> = Vec::new();
    let mut code: FxHashMap<String, DataId> = FxHashMap::default();
    // Huge functions are compiled in parts (`split`): part `k > 0` is a function of its own.
    let plans: Vec<Option<split::Plan>> = functions.iter().map(|f| split::plan(f)).collect();
    let mut part_ids: Vec<Vec<FuncId>> = Vec::new();
    for (f, plan) in functions.iter().zip(&plans) {
        let id = module
            .declare_function(&symbol_name("__molt_fn_", &f.name), Linkage::Local, &py_sig)
            .map_err(obj_err)?;
        module.set_wasm_signature(id, wasm::WasmSig::python());
        func_ids.push(id);
        let mut ids = vec![id];
        for k in 1..plan.as_ref().map_or(1, split::Plan::len) {
            let name = symbol_name("__molt_fn_", &format!("{}#part{k}", f.name));
            let part = module
                .declare_function(&name, Linkage::Local, &py_sig)
                .map_err(obj_err)?;
            module.set_wasm_signature(part, wasm::WasmSig::python());
            ids.push(part);
        }
        part_ids.push(ids);
        let data = module
            .declare_data(
                &symbol_name("__molt_code_", &f.name),
                Linkage::Local,
                false,
                false,
            )
            .map_err(obj_err)?;
        code.insert(f.name.to_string(), data);
    }
    // The machine copies of integer functions (not of a function compiled in parts) and
    // their bail counters.
    let int_fns: Vec<Option<molt_mir::int_functions::IntFunction>> = functions
        .iter()
        .zip(&plans)
        .map(|(f, plan)| {
            plan.is_none()
                .then(|| molt_mir::int_functions::find(f))
                .flatten()
        })
        .collect();
    let mut machine = FxHashMap::default();
    let mut machine_ids: Vec<Option<FuncId>> = vec![None; functions.len()];
    let mut bails = FxHashMap::default();
    for (i, (f, ifn)) in functions.iter().zip(&int_fns).enumerate() {
        let Some(ifn) = ifn else {
            continue;
        };
        let sig = translate::machine_signature(call_conv, ifn.params.len());
        let id = module
            .declare_function(&symbol_name("__molt_fnm_", &f.name), Linkage::Local, &sig)
            .map_err(obj_err)?;
        module.set_wasm_signature(
            id,
            wasm::WasmSig {
                params: vec![wasm::ValType::I64; ifn.params.len() + 1],
                result: Some(wasm::ValType::I64),
            },
        );
        machine.insert(f.name.to_string(), id);
        machine_ids[i] = Some(id);
        let data = module
            .declare_data(
                &symbol_name("__molt_bails_", &f.name),
                Linkage::Local,
                true,
                false,
            )
            .map_err(obj_err)?;
        let mut d = DataDescription::new();
        d.define_zeroinit(8);
        d.set_align(8);
        module.define_data(data, &d).map_err(obj_err)?;
        bails.insert(f.name.to_string(), data);
    }
    // Constants.
    let constants = collect_constants(functions);
    let slot = |module: &mut M, name: String| -> Result<DataId, CodegenError> {
        let id = module
            .declare_data(&name, Linkage::Local, true, false)
            .map_err(obj_err)?;
        let mut d = DataDescription::new();
        d.define_zeroinit(8);
        d.set_align(8);
        module.define_data(id, &d).map_err(obj_err)?;
        Ok(id)
    };
    let mut strings = FxHashMap::default();
    for s in &constants.strings {
        strings.insert(s.clone(), slot(module, symbol_name("__molt_sv_", s))?);
    }
    let mut bigints = FxHashMap::default();
    for s in &constants.bigints {
        bigints.insert(s.clone(), slot(module, symbol_name("__molt_bv_", s))?);
    }
    let mut kwnames = FxHashMap::default();
    for names in &constants.kwnames {
        kwnames.insert(
            names.clone(),
            slot(module, symbol_name("__molt_kw_", &names.join("\u{0}")))?,
        );
    }
    let mut fobj = FxHashMap::default();
    for name in &constants.direct_targets {
        fobj.insert(
            name.clone(),
            slot(module, symbol_name("__molt_fobj_", name))?,
        );
    }
    let mut alias = FxHashMap::default();
    for (key, target) in &constants.aliases {
        alias.insert(
            key.clone(),
            (
                slot(module, symbol_name("__molt_alias_", key))?,
                target.clone(),
            ),
        );
    }
    let mut classes = FxHashMap::default();
    for key in &constants.class_targets {
        classes.insert(key.clone(), slot(module, symbol_name("__molt_cobj_", key))?);
    }
    let mut ic = FxHashMap::default();
    for f in functions {
        for inst in &f.insts {
            let size = match inst.kind {
                InstKind::GetAttrSlot(..)
                | InstKind::SetAttrSlot(..)
                | InstKind::BuiltinLoad(..) => 8,
                InstKind::CallMethodDirect { .. }
                | InstKind::MethodLoadDirect { .. }
                | InstKind::MethodIs { .. }
                | InstKind::MethodLoad(..)
                | InstKind::ClassIs { .. }
                | InstKind::CallClassDirect { .. } => 16,
                InstKind::CallSuper { .. } => 32,
                InstKind::CallMethod {
                    receiver,
                    ref name,
                    ref args,
                } if symbols::method_entry(name, args, f.ty(receiver)).is_none() => {
                    molt_abi::ic::CACHED_CELL_SIZE
                }
                _ => continue,
            };
            let name = symbols::ic_symbol(&f.name, inst.site.index() as u32);
            let id = module
                .declare_data(&name, Linkage::Local, true, false)
                .map_err(obj_err)?;
            let mut d = DataDescription::new();
            d.define_zeroinit(size);
            d.set_align(8);
            module.define_data(id, &d).map_err(obj_err)?;
            ic.insert(name, id);
        }
    }
    let functions_by_name: FxHashMap<String, FuncId> = functions
        .iter()
        .zip(&func_ids)
        .map(|(f, id)| (f.name.to_string(), *id))
        .collect();
    let depth = module
        .declare_data("molt_depth", Linkage::Import, true, false)
        .map_err(obj_err)?;
    let profile_on = module
        .declare_data("molt_profile_on", Linkage::Import, true, false)
        .map_err(obj_err)?;
    // Profile counters: per function, the entry count and the slots of its points.
    let points: Vec<profile::Points> = functions.iter().map(|f| profile::Points::of(f)).collect();
    let mut counters = FxHashMap::default();
    for (f, p) in functions.iter().zip(&points) {
        let id = module
            .declare_data(
                &profile::counters_symbol(&f.name),
                Linkage::Local,
                true,
                false,
            )
            .map_err(obj_err)?;
        let mut d = DataDescription::new();
        d.define_zeroinit(8 * p.slots as usize);
        d.set_align(8);
        module.define_data(id, &d).map_err(obj_err)?;
        counters.insert(f.name.to_string(), id);
    }
    let ellipsis = slot(module, "__molt_ellipsis".into())?;
    // One slot per module: `__main__`, the modules of `options.modules` and any module a
    // function's name is prefixed with.
    let mut modules = FxHashMap::default();
    let module_names = std::iter::once("__main__")
        .chain(options.modules.iter().map(|m| m.name.as_str()))
        .chain(functions.iter().map(|f| molt_mir::split_module(&f.name).0));
    for name in module_names {
        if !modules.contains_key(name) {
            let id = slot(module, symbols::module_slot_symbol(name))?;
            modules.insert(name.to_string(), id);
        }
    }
    let frontend = module.isa().frontend_config();
    let symbols = Symbols {
        call_conv,
        frontend,
        wasm32: options.target == Target::Wasm32,
        runtime,
        strings,
        bigints,
        kwnames,
        ellipsis,
        modules,
        code,
        functions: functions_by_name,
        fobj,
        alias,
        classes,
        ic,
        depth,
        profile_on,
        counters,
        handler_free: functions
            .iter()
            .filter(|f| {
                !f.insts
                    .iter()
                    .any(|i| matches!(i.kind, InstKind::ExcEnter(..) | InstKind::ExcLeave(_)))
            })
            .map(|f| f.name.to_string())
            .collect(),
        machine,
        bails,
    };

    // Translate and compile every function (every part of a split one), in parallel: each
    // worker takes the next unit until none is left, so one big function does not hold up
    // the others' share.
    let wasm_sigs = module.wasm_signatures();
    let isa = module.isa();
    let declarations = module.declarations();
    let key_prefix = persist::key_prefix(isa, options.optimize);
    let cache = options.code_cache.as_deref();
    // (function, part), and (function, [`MACHINE`]) for a machine copy.
    let units: Vec<(usize, usize)> = part_ids
        .iter()
        .enumerate()
        .flat_map(|(i, ids)| (0..ids.len()).map(move |k| (i, k)))
        .chain(
            machine_ids
                .iter()
                .enumerate()
                .filter(|(_, id)| id.is_some())
                .map(|(i, _)| (i, MACHINE)),
        )
        .collect();
    // The key of a split function, hashed once for all its parts.
    let split_keys: Vec<Option<molt_codecache::Key>> = functions
        .iter()
        .zip(&plans)
        .map(|(f, plan)| {
            plan.as_ref()
                .map(|_| persist::key(&key_prefix, f, &symbols))
        })
        .collect();
    if let Ok(mut c) = CODE_CACHE.lock() {
        c.begin_build();
    }
    // Biggest first (by MIR instructions, a stable sort: ties in program order), so that a
    // big function taken last does not leave the other threads idle at the end. The order
    // changes only when each unit is compiled, not its code or its place in the object.
    let unit_cost = |&(i, k): &(usize, usize)| match &plans[i] {
        Some(plan) if k != MACHINE => plan.parts[k].iter().map(|r| r.end - r.start).sum(),
        _ => functions[i].insts.len(),
    };
    // Units that run once get the cheap settings (`once`); the wasm32 backend selects from
    // the optimized CLIF of every unit.
    let cheap: Vec<bool> = if M::WASM {
        vec![false; units.len()]
    } else {
        let cyclic: Vec<Option<Vec<bool>>> = functions
            .iter()
            .map(|f| {
                (molt_mir::split_module(&f.name).1 == "<module>")
                    .then(|| molt_mir::dominators::cyclic_blocks(f))
            })
            .collect();
        units
            .iter()
            .map(|&(i, k)| {
                k != MACHINE
                    && cyclic[i]
                        .as_ref()
                        .is_some_and(|c| once::runs_once(&functions[i], plans[i].as_ref(), k, c))
            })
            .collect()
    };
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| std::cmp::Reverse(unit_cost(&units[u])));
    let threads = options.threads.max(1).min(units.len().max(1));
    let next_unit = std::sync::atomic::AtomicUsize::new(0);
    let t = times.phase("declarations", t);
    let compile_start = t;
    type Done = (
        Vec<Result<(usize, UnitCode), CodegenError>>,
        Vec<timing::UnitTime>,
        cranelift_codegen::timing::PassTimes,
    );
    let compiled: Vec<Done> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let symbols = &symbols;
                let py_sig = &py_sig;
                let part_ids = &part_ids;
                let key_prefix = &key_prefix;
                let units = &units;
                let order = &order;
                let cheap = &cheap;
                let next_unit = &next_unit;
                let plans = &plans;
                let points = &points;
                let split_keys = &split_keys;
                let wasm_sigs = &wasm_sigs;
                let int_fns = &int_fns;
                let machine_ids = &machine_ids;
                // Deep dominator trees recurse in the wasm32 backend: a large stack.
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(scope, move || {
                        let mut out = Vec::new();
                        let mut unit_times = Vec::new();
                        let _ = cranelift_codegen::timing::take_current();
                        loop {
                            let start = compile_start.elapsed();
                            let n = next_unit.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&u) = order.get(n) else {
                                break;
                            };
                            let (i, k) = units[u];
                            let f = &functions[i];
                            let machine = int_fns[i].as_ref().filter(|_| k == MACHINE);
                            let unit = Unit {
                                function: f,
                                points: &points[i],
                                part: plans[i].as_ref().map(|plan| UnitPart {
                                    plan,
                                    index: k,
                                    next: part_ids[i].get(k + 1).copied(),
                                }),
                                id: match (machine, machine_ids[i]) {
                                    (Some(_), Some(id)) => id,
                                    _ => part_ids[i][k],
                                },
                                key: split_keys[i].as_ref().map(|key| persist::part_key(key, k)),
                                machine,
                            };
                            let sig = match machine {
                                Some(ifn) => {
                                    translate::machine_signature(call_conv, ifn.params.len())
                                }
                                None => py_sig.clone(),
                            };
                            let result = match wasm_sigs {
                                Some(sigs) => {
                                    let r = compile_wasm(&unit, isa, symbols, sig, sigs);
                                    if r.is_ok() {
                                        COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                                        if let Some(cache) = cache {
                                            cache.record(molt_codecache::Source::Compiled);
                                        }
                                    }
                                    r.map(UnitCode::Wasm)
                                }
                                None => compile_cached(
                                    &unit,
                                    if cheap[u] { once_isa } else { isa },
                                    declarations,
                                    symbols,
                                    sig,
                                    key_prefix,
                                    cache,
                                )
                                .map(UnitCode::Native),
                            };
                            let failed = result.is_err();
                            out.push(result.map(|c| (u, c)));
                            let (translate, compile, clif_insts) = timing::take_last();
                            unit_times.push(timing::UnitTime {
                                name: if k == MACHINE {
                                    format!("{}#machine", f.name)
                                } else if plans[i].is_some() {
                                    format!("{}#part{k}", f.name)
                                } else {
                                    f.name.to_string()
                                },
                                insts: f.insts.len(),
                                clif_insts,
                                thread,
                                once: cheap[u],
                                start,
                                end: compile_start.elapsed(),
                                translate,
                                compile,
                            });
                            if failed {
                                break;
                            }
                        }
                        (out, unit_times, cranelift_codegen::timing::take_current())
                    })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                let failed = |message: &str| -> Done {
                    (
                        vec![Err(CodegenError::Internal {
                            function: "?".into(),
                            message: message.into(),
                        })],
                        Vec::new(),
                        cranelift_codegen::timing::PassTimes::default(),
                    )
                };
                match h {
                    Ok(h) => h
                        .join()
                        .unwrap_or_else(|_| failed("codegen thread panicked")),
                    Err(_) => failed("cannot start a codegen thread"),
                }
            })
            .collect()
    });
    let mut pcmaps: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); functions.len()];
    let mut code_sizes: Vec<u32> = vec![0; functions.len()];
    if let Ok(mut c) = CODE_CACHE.lock() {
        c.trim();
    }
    let t = times.phase("compile (threads)", t);
    let mut results = Vec::new();
    for (out, unit_times, passes) in compiled {
        results.extend(out);
        times.units.extend(unit_times);
        times.add_passes(&passes);
    }
    let mut compiled = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    compiled.sort_by_key(|(u, _)| *u);
    for (u, c) in compiled {
        let (i, k) = units[u];
        // The profile table knows each function by its first part (samples in a later
        // part are not attributed). Wasm code has no addresses the sampler could map.
        if k == MACHINE {
            if let Some(id) = machine_ids[i] {
                module.define_unit(id, c)?;
            }
            continue;
        }
        if k == 0
            && let UnitCode::Native(c) = &c
        {
            code_sizes[i] = c.bytes.len() as u32;
            pcmaps[i] = c.pcmap.clone();
        }
        module.define_unit(part_ids[i][k], c)?;
    }

    let t = times.phase("define units", t);
    // Function descriptors.
    for (i, f) in functions.iter().enumerate() {
        define_descriptor(module, &symbols, f, debug.get(&*f.name), i, func_ids[i])?;
    }
    let table = define_profile_table(
        module,
        &symbols,
        functions,
        &points,
        &pcmaps,
        &code_sizes,
        &options.build,
    )?;
    // Module initializer and main.
    let init = define_init(
        module,
        &symbols,
        &constants,
        functions,
        &func_ids,
        &py_sig,
        &options.startup_stderr,
        table,
        &options.modules,
    )?;
    if M::WASM {
        define_wasm_start(module, &symbols, init)?;
    } else {
        define_main(module, &symbols, init)?;
    }
    times.phase("descriptors, profile table, init", t);
    if *timing::ENABLED {
        times.print();
    }
    Ok(())
}

/// A symbol name derived from content (`prefix`, a readable part, a 64-bit hash of `key`), so
/// that a function's compiled code refers to the same symbols in every program that contains
/// it — which is what makes its machine code cacheable by its MIR ([`CODE_CACHE`]).
fn symbol_name(prefix: &str, key: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    let readable: String = key
        .chars()
        .take(24)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}{readable}_{:016x}", h.finish())
}

/// Machine code of one function with relocations naming their targets.
#[derive(Clone)]
struct CachedCode {
    bytes: Vec<u8>,
    align: u64,
    relocs: Vec<(u32, cranelift_codegen::binemit::Reloc, SymbolicTarget, i64)>,
    /// Code offset → MIR site: `(start, end, site)`, sorted by start.
    pcmap: Vec<(u32, u32, u32)>,
}

/// One compiled function, ready for the object file.
struct Compiled {
    bytes: Vec<u8>,
    align: u64,
    relocs: Vec<ModuleReloc>,
    /// Code offset → MIR site: `(start, end, site)`, sorted by start.
    pcmap: Vec<(u32, u32, u32)>,
}

#[derive(Clone)]
enum SymbolicTarget {
    /// A function or data object of the module, by name.
    Named(String),
    /// The function itself, at an offset.
    SelfOffset(u32),
    /// Anything else (libcalls, known symbols), kept as is.
    Other(cranelift_module::ModuleRelocTarget),
}

/// Number of functions compiled and served from a cache (memory, disk or remote) by this
/// process, for tests: `(compiled, cached)`. A build's own counts are in its
/// `CodegenOptions::code_cache`.
pub fn cache_stats() -> (usize, usize) {
    (
        COMPILED.load(std::sync::atomic::Ordering::Relaxed),
        CACHED.load(std::sync::atomic::Ordering::Relaxed),
    )
}

/// Empties this process's in-memory code cache (the disk and remote caches keep their
/// entries): what a fresh process sees, for tests.
pub fn clear_memory_cache() {
    if let Ok(mut c) = CODE_CACHE.lock() {
        c.clear();
    }
}

/// This process's in-memory code cache: `(entries, estimated bytes)` (bounded: see
/// `memory_cache`).
pub fn memory_cache_size() -> (usize, usize) {
    CODE_CACHE.lock().map_or((0, 0), |c| c.len_and_bytes())
}

static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static CACHED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One thing to compile: a function, or one part of a function compiled in parts.
/// The "part index" of a function's machine copy among the units of a build.
const MACHINE: usize = usize::MAX;

struct Unit<'a> {
    function: &'a Function,
    /// The function's profile points.
    points: &'a profile::Points,
    part: Option<UnitPart<'a>>,
    /// Its function in the object.
    id: FuncId,
    /// Its persistent key when known beforehand (the parts of a split function).
    key: Option<molt_codecache::Key>,
    /// The function's machine copy, when the unit is that copy
    /// ([`molt_mir::int_functions`]).
    machine: Option<&'a molt_mir::int_functions::IntFunction>,
}

/// Part `index` of a function compiled in parts, and the function of the next part.
struct UnitPart<'a> {
    plan: &'a split::Plan,
    index: usize,
    next: Option<FuncId>,
}

/// Compiles `unit` or takes it from [`CODE_CACHE`], else from `cache` (disk, then remote);
/// returns code and relocations for its function in the current module. Code it compiles
/// goes to every cache. A persisted entry that does not decode or names a symbol the module
/// lacks is a miss (and is forgotten), never an error.
fn compile_cached(
    unit: &Unit<'_>,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    declarations: &cranelift_module::ModuleDeclarations,
    symbols: &Symbols,
    sig: ir::Signature,
    key_prefix: &sha2::Sha256,
    cache: Option<&molt_codecache::CodeCache>,
) -> Result<Compiled, CodegenError> {
    use molt_codecache::Source;
    let f = unit.function;
    let id = unit.id;
    let key = match &unit.key {
        Some(key) => *key,
        None => persist::key(key_prefix, f, symbols),
    };
    // The machine copy of a function is cached under a key of its own.
    let key = match unit.machine {
        Some(_) => persist::part_key(&key, MACHINE),
        None => key,
    };
    let memory_key = u64::from_le_bytes(key.0[..8].try_into().unwrap_or_default());
    let record = |source: Source| {
        let counter = if source == Source::Compiled {
            &COMPILED
        } else {
            &CACHED
        };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Some(cache) = cache {
            cache.record(source);
        }
    };
    let in_memory = CODE_CACHE.lock().ok().and_then(|mut c| c.get(memory_key));
    if let Some(code) = in_memory {
        record(Source::Memory);
        let relocs =
            resolve_relocs(&code, declarations, id).map_err(|message| CodegenError::Internal {
                function: f.name.to_string(),
                message,
            })?;
        return Ok(Compiled {
            bytes: code.bytes,
            align: code.align,
            relocs,
            pcmap: code.pcmap,
        });
    }
    if let Some(cache) = cache
        && let Some((payload, source)) = cache.get(&key)
    {
        let usable = persist::decode(&payload)
            .and_then(|code| Some((resolve_relocs(&code, declarations, id).ok()?, code)));
        match usable {
            Some((relocs, code)) => {
                record(source);
                if let Ok(mut c) = CODE_CACHE.lock() {
                    c.insert(memory_key, code.clone());
                }
                return Ok(Compiled {
                    bytes: code.bytes,
                    align: code.align,
                    relocs,
                    pcmap: code.pcmap,
                });
            }
            None => cache.forget(&key),
        }
    }
    let (bytes, align, relocs, pcmap) = compile_one(unit, isa, symbols, sig)?;
    let symbolic = relocs
        .iter()
        .map(|r| {
            let target = match &r.name {
                cranelift_module::ModuleRelocTarget::User { namespace, index } => {
                    let name = if *namespace == 0 {
                        declarations
                            .get_function_decl(FuncId::from_u32(*index))
                            .name
                            .clone()
                    } else {
                        declarations
                            .get_data_decl(DataId::from_u32(*index))
                            .name
                            .clone()
                    };
                    SymbolicTarget::Named(name.unwrap_or_default())
                }
                cranelift_module::ModuleRelocTarget::FunctionOffset(fid, off) if *fid == id => {
                    SymbolicTarget::SelfOffset(*off)
                }
                other => SymbolicTarget::Other(other.clone()),
            };
            (r.offset, r.kind, target, r.addend)
        })
        .collect();
    let code = CachedCode {
        bytes,
        align,
        relocs: symbolic,
        pcmap,
    };
    if let Some(cache) = cache
        && let Some(payload) = persist::encode(&code)
    {
        cache.put(&key, &payload);
    }
    record(Source::Compiled);
    let compiled = Compiled {
        bytes: code.bytes.clone(),
        align: code.align,
        relocs,
        pcmap: code.pcmap.clone(),
    };
    if let Ok(mut c) = CODE_CACHE.lock() {
        c.insert(memory_key, code);
    }
    Ok(compiled)
}

/// The relocations of cached `code` for the function `id` of the current module, or why a
/// symbol it names is not in the module.
fn resolve_relocs(
    code: &CachedCode,
    declarations: &cranelift_module::ModuleDeclarations,
    id: FuncId,
) -> Result<Vec<ModuleReloc>, String> {
    let mut relocs = Vec::with_capacity(code.relocs.len());
    for (offset, kind, target, addend) in &code.relocs {
        let name = match target {
            SymbolicTarget::Named(name) => match declarations.get_name(name) {
                Some(cranelift_module::FuncOrDataId::Func(fid)) => {
                    cranelift_module::ModuleRelocTarget::user(0, fid.as_u32())
                }
                Some(cranelift_module::FuncOrDataId::Data(did)) => {
                    cranelift_module::ModuleRelocTarget::user(1, did.as_u32())
                }
                None => return Err(format!("cached code refers to unknown symbol {name}")),
            },
            SymbolicTarget::SelfOffset(off) => {
                cranelift_module::ModuleRelocTarget::FunctionOffset(id, *off)
            }
            SymbolicTarget::Other(t) => t.clone(),
        };
        relocs.push(ModuleReloc {
            offset: *offset,
            kind: *kind,
            name,
            addend: *addend,
        });
    }
    Ok(relocs)
}

/// `unit` (a function, or one part of a split one) translated to CLIF with signature `sig`.
fn translate_unit(
    unit: &Unit<'_>,
    symbols: &Symbols,
    sig: ir::Signature,
) -> Result<ir::Function, CodegenError> {
    let mut clif =
        ir::Function::with_name_signature(ir::UserFuncName::user(0, unit.id.as_u32()), sig);
    if let Some(ifn) = unit.machine {
        translate::translate_machine(unit.function, ifn, &mut clif, symbols, unit.points)?;
        return Ok(clif);
    }
    match &unit.part {
        None => translate::translate(unit.function, &mut clif, symbols, unit.points)?,
        Some(part) => translate::translate_part(
            unit.function,
            &mut clif,
            symbols,
            unit.points,
            part.plan,
            part.index,
            part.next,
        )?,
    }
    Ok(clif)
}

/// Translates `unit` to CLIF and selects wasm instructions for it (no code cache: the
/// selection is a single linear pass).
fn compile_wasm(
    unit: &Unit<'_>,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    symbols: &Symbols,
    sig: ir::Signature,
    sigs: &FxHashMap<FuncId, wasm::WasmSig>,
) -> Result<wasm::WasmFunction, CodegenError> {
    let f = unit.function;
    let clif = translate_unit(unit, symbols, sig)?;
    // Cranelift's mid-end (e-graph rewrites, GVN, LICM, redundant loads) runs on the CLIF
    // as for the native backend; only instruction selection differs.
    let mut ctx = Context::for_function(clif);
    ctx.optimize(isa, &mut ControlPlane::default())
        .map_err(|e| CodegenError::Cranelift {
            function: f.name.to_string(),
            message: e.to_string(),
        })?;
    let clif = ctx.func;
    let sig_of = |id: FuncId| sigs.get(&id).cloned().unwrap_or_else(wasm::WasmSig::python);
    let own = sig_of(unit.id);
    let env = wasm::emit::Env {
        sig_of: &sig_of,
        yields: [
            symbols.runtime.get(&Rt::Yield).copied(),
            symbols.runtime.get(&Rt::YieldOwned).copied(),
        ],
        gen_state: symbols.runtime.get(&Rt::GenState).copied(),
        gen_sent: symbols.runtime.get(&Rt::GenSent).copied(),
    };
    wasm::emit::function(&clif, &own, &env).map_err(|e| CodegenError::Cranelift {
        function: f.name.to_string(),
        message: e.0,
    })
}

fn compile_one(
    unit: &Unit<'_>,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    symbols: &Symbols,
    sig: ir::Signature,
) -> Result<MachineCode, CodegenError> {
    let f = unit.function;
    let t = std::time::Instant::now();
    let clif = translate_unit(unit, symbols, sig)?;
    let translated = t.elapsed();
    let clif_insts = clif.dfg.num_insts();
    if timing::DUMP_CLIF.as_deref() == Some(&*f.name) {
        eprintln!("{}", clif.display());
    }
    CONTEXT.with(|cell| {
        let mut ctx = cell.borrow_mut();
        ctx.clear();
        ctx.func = clif;
        let out = compile_in(unit, isa, &mut ctx);
        timing::set_last(translated, t.elapsed() - translated, clif_insts);
        out
    })
}

thread_local! {
    /// Cranelift's context of this thread, reused for every unit it compiles so that its
    /// buffers (the register allocator's above all) are allocated once per thread rather
    /// than once per function. The code Cranelift makes does not depend on what the context
    /// compiled before.
    static CONTEXT: std::cell::RefCell<Context> = std::cell::RefCell::new(Context::new());
}

/// Compiles the CLIF in `ctx.func` (unit `unit`) for `isa`: machine code, alignment,
/// relocations and the code-offset → MIR site map.
fn compile_in(
    unit: &Unit<'_>,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    ctx: &mut Context,
) -> Result<MachineCode, CodegenError> {
    let f = unit.function;
    let (bytes, align, relocs, pcmap) = {
        let compiled = ctx
            .compile(isa, &mut ControlPlane::default())
            .map_err(|e| CodegenError::Cranelift {
                function: f.name.to_string(),
                message: format!("{:?}", e.inner),
            })?;
        let bytes = compiled.code_buffer().to_vec();
        let align = compiled.buffer.alignment as u64;
        let relocs: Vec<_> = compiled.buffer.relocs().to_vec();
        // The MIR site of each range of machine code (translation sets the site as the
        // source location).
        let mut pcmap: Vec<(u32, u32, u32)> = compiled
            .buffer
            .get_srclocs_sorted()
            .iter()
            .filter_map(|l| {
                let loc = l.loc;
                (!loc.is_default() && l.start < l.end).then(|| (l.start, l.end, loc.bits()))
            })
            .collect();
        // Code without a location (the prologue, register moves and spills between
        // instructions, counter updates on edges) belongs to the site before it (the prologue
        // to the first site), so every sampled PC of the function has a site.
        let code_len = bytes.len() as u32;
        for k in 0..pcmap.len() {
            let next = pcmap.get(k + 1).map_or(code_len, |r| r.0);
            pcmap[k].1 = pcmap[k].1.max(next);
        }
        if let Some(first) = pcmap.first_mut() {
            first.0 = 0;
        }
        (bytes, align, relocs, pcmap)
    };
    let relocs = relocs
        .iter()
        .map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, unit.id))
        .collect();
    Ok((bytes, align.max(1), relocs, pcmap))
}

/// A unit's machine code, its alignment, its relocations and its code-offset → MIR site
/// map (`(start, end, site)`, sorted by start).
type MachineCode = (Vec<u8>, u64, Vec<ModuleReloc>, Vec<(u32, u32, u32)>);

/// Constants the module initializer creates.
struct Constants {
    /// Functions called with `call.direct`.
    direct_targets: Vec<String>,
    /// Globals that `call.direct ... via` calls through ([`symbols::alias_key`]), with the
    /// function they are called as.
    aliases: Vec<(String, symbols::AliasOf)>,
    /// Globals that `call.class.direct` constructs through ([`symbols::alias_key`]).
    class_targets: Vec<String>,
    strings: Vec<String>,
    bigints: Vec<String>,
    kwnames: Vec<Vec<String>>,
}

fn collect_constants(functions: &[Arc<Function>]) -> Constants {
    // Each list in first-use order, with a set beside it: a module of 100,000 lines has
    // tens of thousands of names.
    let mut strings: Vec<String> = vec!["__main__".into()];
    let mut bigints: Vec<String> = Vec::new();
    let mut kwnames: Vec<Vec<String>> = Vec::new();
    let mut direct_targets: Vec<String> = Vec::new();
    let mut seen_strings: rustc_hash::FxHashSet<String> = strings.iter().cloned().collect();
    let mut seen_bigints: rustc_hash::FxHashSet<String> = Default::default();
    let mut seen_kwnames: rustc_hash::FxHashSet<Vec<String>> = Default::default();
    let mut seen_targets: rustc_hash::FxHashSet<String> = Default::default();
    let mut aliases: Vec<(String, symbols::AliasOf)> = Vec::new();
    let mut seen_aliases: rustc_hash::FxHashSet<String> = Default::default();
    let mut class_targets: Vec<String> = Vec::new();
    let mut add = |strings: &mut Vec<String>, s: &str| {
        if !seen_strings.contains(s) {
            seen_strings.insert(s.to_owned());
            strings.push(s.to_owned());
        }
    };
    for f in functions {
        for inst in &f.insts {
            match &inst.kind {
                InstKind::Const(Constant::Str(s)) => add(&mut strings, s),
                InstKind::Const(Constant::Int(i)) => {
                    let digits = match i {
                        IntConst::Small(v) if (-(1i64 << 47)..(1i64 << 47)).contains(v) => continue,
                        IntConst::Small(v) => v.to_string(),
                        IntConst::Big(d) => d.to_string(),
                    };
                    if seen_bigints.insert(digits.clone()) {
                        bigints.push(digits);
                    }
                }
                InstKind::GlobalLoad(n)
                | InstKind::GlobalStore(n, _)
                | InstKind::GlobalDel(n)
                | InstKind::BuiltinLoad(n)
                | InstKind::SlotLoad(n)
                | InstKind::SlotDel(n)
                | InstKind::CheckBound(_, n)
                | InstKind::NsLoad(_, n)
                | InstKind::GetAttr(_, n)
                | InstKind::MethodLoad(_, n)
                | InstKind::ImportFrom(_, n)
                | InstKind::SetAttr(_, n, _)
                | InstKind::GetAttrSlot(_, n)
                | InstKind::SetAttrSlot(_, n, _)
                | InstKind::DelAttr(_, n) => add(&mut strings, n),
                InstKind::CellLoad(_, n) => add(
                    &mut strings,
                    n.strip_prefix(molt_mir::CLASS_FREE_PREFIX).unwrap_or(n),
                ),
                InstKind::Import { name, fromlist, .. } => {
                    add(&mut strings, name);
                    if !fromlist.is_empty() {
                        let names: Vec<String> = fromlist.iter().map(|n| n.to_string()).collect();
                        for n in &names {
                            add(&mut strings, n);
                        }
                        if seen_kwnames.insert(names.clone()) {
                            kwnames.push(names);
                        }
                    }
                }
                InstKind::ImportStar { only, .. } if !only.is_empty() => {
                    let names: Vec<String> = only.iter().map(|n| n.to_string()).collect();
                    for n in &names {
                        add(&mut strings, n);
                    }
                    if seen_kwnames.insert(names.clone()) {
                        kwnames.push(names);
                    }
                }
                InstKind::MakeClass { name, slots, .. } => {
                    add(&mut strings, name);
                    slots.iter().for_each(|n| add(&mut strings, n));
                }
                InstKind::CallMethodDirect { name, func, .. }
                | InstKind::MethodLoadDirect { name, func, .. }
                | InstKind::MethodIs { name, func, .. } => {
                    add(&mut strings, name);
                    add(&mut strings, func);
                }
                InstKind::CallClassDirect { class, .. }
                | InstKind::ClassIs { class, .. }
                | InstKind::NewInstance { class } => {
                    // The slow path loads the class's global by name.
                    add(&mut strings, class);
                    let key = symbols::alias_key(&f.name, class);
                    if !class_targets.contains(&key) {
                        class_targets.push(key);
                    }
                }
                InstKind::CallDirect { func, via, .. }
                | InstKind::GlobalLoadDirect { func, via } => {
                    // The slow path loads the callee's global by its Python name (for a
                    // function of another module, the global it is called through).
                    match via {
                        Some(via) => {
                            // `via "m.f"`: the attribute `f` of the module bound to `m`.
                            let (global, of) = match via.split_once('.') {
                                Some((global, attr)) => {
                                    add(&mut strings, attr);
                                    let module = molt_mir::split_module(func).0;
                                    (global, symbols::AliasOf::Module(module.to_string()))
                                }
                                None => (&**via, symbols::AliasOf::Function(func.to_string())),
                            };
                            add(&mut strings, global);
                            let key = symbols::alias_key(&f.name, global);
                            if seen_aliases.insert(key.clone()) {
                                aliases.push((key, of));
                            }
                        }
                        None => add(&mut strings, molt_mir::split_module(func).1),
                    }
                    if seen_targets.insert(func.to_string()) {
                        direct_targets.push(func.to_string());
                    }
                }
                InstKind::Call { args, .. }
                | InstKind::CallMethod { args, .. }
                | InstKind::CallMethodLoaded { args, .. }
                | InstKind::CallSuper { args, .. } => {
                    if let InstKind::CallMethod { name, .. } | InstKind::CallSuper { name, .. } =
                        &inst.kind
                    {
                        add(&mut strings, name);
                    }
                    if !args.keywords.is_empty() {
                        let names: Vec<String> =
                            args.keywords.iter().map(|(n, _)| n.to_string()).collect();
                        for n in &names {
                            add(&mut strings, n);
                        }
                        if seen_kwnames.insert(names.clone()) {
                            kwnames.push(names);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Constants {
        direct_targets,
        aliases,
        class_targets,
        strings,
        bigints,
        kwnames,
    }
}

fn define_descriptor<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    f: &Function,
    debug: Option<&debug::FunctionDebug>,
    i: usize,
    func_id: FuncId,
) -> Result<(), CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    let ptr = 8usize;
    // The debug table.
    let debug_id = match debug {
        Some(table) => {
            let bytes = debug::encode(table);
            let id = module
                .declare_data(&format!("__molt_debug_{i}"), Linkage::Local, false, false)
                .map_err(obj_err)?;
            let mut d = DataDescription::new();
            d.define(bytes.clone().into_boxed_slice());
            d.set_align(4);
            module.define_data(id, &d).map_err(obj_err)?;
            Some((id, bytes.len()))
        }
        None => None,
    };
    // Name bytes.
    let name_id = module
        .declare_data(&format!("__molt_name_{i}"), Linkage::Local, false, false)
        .map_err(obj_err)?;
    // The runtime sees the Python qualified name, without the module prefix.
    let python_name = molt_mir::split_module(&f.name).1;
    let mut d = DataDescription::new();
    d.define(python_name.as_bytes().to_vec().into_boxed_slice());
    module.define_data(name_id, &d).map_err(obj_err)?;
    // Parameter descriptors: name ptr, name len, kind u32, has_default u32 (24 bytes each).
    let params_id = module
        .declare_data(&format!("__molt_params_{i}"), Linkage::Local, false, false)
        .map_err(obj_err)?;
    let mut params = DataDescription::new();
    let mut bytes = vec![0u8; f.params.len().max(1) * 24];
    let mut pname_ids = Vec::new();
    for (k, p) in f.params.iter().enumerate() {
        let pid = module
            .declare_data(
                &format!("__molt_pname_{i}_{k}"),
                Linkage::Local,
                false,
                false,
            )
            .map_err(obj_err)?;
        let mut pd = DataDescription::new();
        pd.define(p.name.as_bytes().to_vec().into_boxed_slice());
        module.define_data(pid, &pd).map_err(obj_err)?;
        pname_ids.push(pid);
        let base = k * 24;
        bytes[base + 8..base + 16].copy_from_slice(&(p.name.len() as u64).to_le_bytes());
        let kind: u32 = match p.kind {
            molt_mir::ParamKind::PositionalOnly => 0,
            molt_mir::ParamKind::Positional => 1,
            molt_mir::ParamKind::VarArgs => 2,
            molt_mir::ParamKind::KeywordOnly => 3,
            molt_mir::ParamKind::KwArgs => 4,
        };
        bytes[base + 16..base + 20].copy_from_slice(&kind.to_le_bytes());
        bytes[base + 20..base + 24].copy_from_slice(&u32::from(p.has_default).to_le_bytes());
    }
    params.define(bytes.into_boxed_slice());
    for (k, pid) in pname_ids.iter().enumerate() {
        let gv = module.declare_data_in_data(*pid, &mut params);
        params.write_data_addr((k * 24) as u32, gv, 0);
    }
    module.define_data(params_id, &params).map_err(obj_err)?;
    // The FunctionCode: name ptr, name len, nparams u32, flags u32, params ptr, entry ptr,
    // debug table ptr, debug table len.
    let code_id = symbols.code[&*f.name];
    let mut code = DataDescription::new();
    let mut bytes = vec![0u8; 7 * ptr];
    if let Some((_, len)) = debug_id {
        bytes[6 * ptr..7 * ptr].copy_from_slice(&(len as u64).to_le_bytes());
    }
    bytes[ptr..2 * ptr].copy_from_slice(&(python_name.len() as u64).to_le_bytes());
    bytes[2 * ptr..2 * ptr + 4].copy_from_slice(&(f.params.len() as u32).to_le_bytes());
    bytes[2 * ptr + 4..3 * ptr].copy_from_slice(&u32::from(f.is_generator).to_le_bytes());
    code.define(bytes.into_boxed_slice());
    code.set_align(8);
    let gv = module.declare_data_in_data(name_id, &mut code);
    code.write_data_addr(0, gv, 0);
    let gv = module.declare_data_in_data(params_id, &mut code);
    code.write_data_addr((3 * ptr) as u32, gv, 0);
    let fr = module.declare_func_in_data(func_id, &mut code);
    code.write_function_addr((4 * ptr) as u32, fr);
    if let Some((id, _)) = debug_id {
        let gv = module.declare_data_in_data(id, &mut code);
        code.write_data_addr((5 * ptr) as u32, gv, 0);
    }
    module.define_data(code_id, &code).map_err(obj_err)?;
    Ok(())
}

/// The per-build profile table the runtime reads (`molt_runtime::profile::ProfileTable`, a
/// `#[repr(C)]` layout mirrored here): one entry per function, in build order, with its
/// descriptor, counters, points and code-offset → site map, plus the build id and files.
fn define_profile_table<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    functions: &[Arc<Function>],
    points: &[profile::Points],
    pcmaps: &[Vec<(u32, u32, u32)>],
    code_sizes: &[u32],
    build: &BuildInfo,
) -> Result<DataId, CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    let bytes_data = |module: &mut M,
                      name: String,
                      content: Vec<u8>,
                      align: u64|
     -> Result<DataId, CodegenError> {
        let id = module
            .declare_data(&name, Linkage::Local, false, false)
            .map_err(obj_err)?;
        let mut d = DataDescription::new();
        d.define(content.into_boxed_slice());
        d.set_align(align);
        module.define_data(id, &d).map_err(obj_err)?;
        Ok(id)
    };
    // ProfileFunction: code, counters, points ptr, npoints u32, code_size u32, pcmap ptr,
    // npcmap u32, nsites u32, edges ptr, nedges u32, nblocks u32 (64 bytes).
    const ENTRY: usize = 64;
    // ProfilePoint: site, kind, block, pos, slot, padding (u32 each), cell ptr (32 bytes).
    const POINT: usize = 32;
    let mut entries = DataDescription::new();
    let mut bytes = vec![0u8; functions.len().max(1) * ENTRY];
    let mut relocs: Vec<(u32, DataId)> = Vec::new();
    for (i, f) in functions.iter().enumerate() {
        let base = i * ENTRY;
        relocs.push((base as u32, symbols.code[&*f.name]));
        relocs.push(((base + 8) as u32, symbols.counters[&*f.name]));
        let p = &points[i];
        if !p.points.is_empty() {
            let mut pbytes = vec![0u8; p.points.len() * POINT];
            let mut cells = Vec::new();
            for (k, point) in p.points.iter().enumerate() {
                let fields = [
                    point.site,
                    point.kind,
                    point.block,
                    point.pos,
                    point.slot,
                    0,
                ];
                for (j, x) in fields.iter().enumerate() {
                    pbytes[k * POINT + 4 * j..k * POINT + 4 * j + 4]
                        .copy_from_slice(&x.to_le_bytes());
                }
                if point.kind & 0xFF == profile::METHOD_CACHED
                    && let Some(cell) = symbols.ic.get(&symbols::ic_symbol(&f.name, point.site))
                {
                    cells.push(((k * POINT + 24) as u32, *cell));
                }
            }
            let id = module
                .declare_data(
                    &format!("__molt_prof_points_{i}"),
                    Linkage::Local,
                    false,
                    false,
                )
                .map_err(obj_err)?;
            let mut d = DataDescription::new();
            d.define(pbytes.into_boxed_slice());
            d.set_align(8);
            for (offset, cell) in cells {
                let gv = module.declare_data_in_data(cell, &mut d);
                d.write_data_addr(offset, gv, 0);
            }
            module.define_data(id, &d).map_err(obj_err)?;
            relocs.push(((base + 16) as u32, id));
        }
        bytes[base + 24..base + 28].copy_from_slice(&(p.points.len() as u32).to_le_bytes());
        bytes[base + 28..base + 32].copy_from_slice(&code_sizes[i].to_le_bytes());
        let pcmap = &pcmaps[i];
        if !pcmap.is_empty() {
            let mut m = Vec::with_capacity(pcmap.len() * 12);
            for &(start, end, site) in pcmap {
                for x in [start, end, site] {
                    m.extend_from_slice(&x.to_le_bytes());
                }
            }
            let id = bytes_data(module, format!("__molt_prof_pcmap_{i}"), m, 4)?;
            relocs.push(((base + 32) as u32, id));
        }
        let nsites = pcmap.iter().map(|&(_, _, s)| s + 1).max().unwrap_or(0);
        bytes[base + 40..base + 44].copy_from_slice(&(pcmap.len() as u32).to_le_bytes());
        bytes[base + 44..base + 48].copy_from_slice(&nsites.to_le_bytes());
        // Edges: from, to, slot, pos (u32 each).
        let mut e = Vec::with_capacity(p.edges.len() * 16);
        for edge in &p.edges {
            for x in [edge.from, edge.to, edge.slot, edge.pos] {
                e.extend_from_slice(&x.to_le_bytes());
            }
        }
        let id = bytes_data(module, format!("__molt_prof_edges_{i}"), e, 4)?;
        relocs.push(((base + 48) as u32, id));
        bytes[base + 56..base + 60].copy_from_slice(&(p.edges.len() as u32).to_le_bytes());
        bytes[base + 60..base + 64].copy_from_slice(&p.nblocks.to_le_bytes());
    }
    entries.define(bytes.into_boxed_slice());
    entries.set_align(8);
    for (offset, id) in relocs {
        let gv = module.declare_data_in_data(id, &mut entries);
        entries.write_data_addr(offset, gv, 0);
    }
    let entries_id = module
        .declare_data("__molt_prof_functions", Linkage::Local, false, false)
        .map_err(obj_err)?;
    module.define_data(entries_id, &entries).map_err(obj_err)?;
    let build_id = bytes_data(
        module,
        "__molt_prof_build_id".into(),
        build.build_id.as_bytes().to_vec(),
        1,
    )?;
    let files_blob = build.encode_files();
    let files_len = files_blob.len();
    let files = bytes_data(module, "__molt_prof_files".into(), files_blob, 4)?;
    // ProfileTable: version u32, nfunctions u32, functions ptr, build_id ptr, len, files ptr,
    // len (48 bytes).
    let mut table = DataDescription::new();
    let mut bytes = vec![0u8; 48];
    bytes[0..4].copy_from_slice(&1u32.to_le_bytes());
    bytes[4..8].copy_from_slice(&(functions.len() as u32).to_le_bytes());
    bytes[24..32].copy_from_slice(&(build.build_id.len() as u64).to_le_bytes());
    bytes[40..48].copy_from_slice(&(files_len as u64).to_le_bytes());
    table.define(bytes.into_boxed_slice());
    table.set_align(8);
    for (offset, id) in [(8u32, entries_id), (16, build_id), (32, files)] {
        let gv = module.declare_data_in_data(id, &mut table);
        table.write_data_addr(offset, gv, 0);
    }
    let table_id = module
        .declare_data("__molt_prof_table", Linkage::Local, false, false)
        .map_err(obj_err)?;
    module.define_data(table_id, &table).map_err(obj_err)?;
    Ok(table_id)
}

fn define_init<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    constants: &Constants,
    functions: &[Arc<Function>],
    func_ids: &[FuncId],
    py_sig: &ir::Signature,
    startup_stderr: &str,
    profile_table: DataId,
    modules: &[ProgramModule],
) -> Result<FuncId, CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    let call_conv = symbols.call_conv;
    let mut sig = ir::Signature::new(call_conv);
    sig.returns.push(AbiParam::new(types::I64));
    let init_id = module
        .declare_function("__molt_init", Linkage::Local, &sig)
        .map_err(obj_err)?;
    let mut clif =
        ir::Function::with_name_signature(ir::UserFuncName::user(0, init_id.as_u32()), sig);
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut clif, &mut fctx);
        let entry = b.create_block();
        b.switch_to_block(entry);
        // Profiling starts (when the environment asks for it) before any compiled code runs.
        let gv = symbols.import_data(b.func, profile_table.as_u32());
        let table_addr = b.ins().symbol_value(types::I64, gv);
        let fr = symbols.import_runtime(b.func, Rt::ProfileInit);
        b.ins().call(fr, &[table_addr]);
        let bytes_data =
            |module: &mut M, name: String, content: &[u8]| -> Result<DataId, CodegenError> {
                let id = module
                    .declare_data(&name, Linkage::Local, false, false)
                    .map_err(obj_err)?;
                let mut d = DataDescription::new();
                d.define(content.to_vec().into_boxed_slice());
                module.define_data(id, &d).map_err(obj_err)?;
                Ok(id)
            };
        let store_call = |b: &mut FunctionBuilder<'_>, f: Rt, args: &[ir::Value], slot: DataId| {
            let fr = symbols.import_runtime(b.func, f);
            let args = crate::symbols::fit_args(b, f, args);
            let call = b.ins().call(fr, &args);
            let v = b.inst_results(call)[0];
            let gv = symbols.import_data(b.func, slot.as_u32());
            let addr = b.ins().symbol_value(types::I64, gv);
            b.ins().store(ir::MemFlagsData::trusted(), v, addr, 0);
            v
        };
        if !startup_stderr.is_empty() {
            let text = bytes_data(
                module,
                "__molt_startup_stderr".into(),
                startup_stderr.as_bytes(),
            )?;
            let gv = symbols.import_data(b.func, text.as_u32());
            let addr = b.ins().symbol_value(types::I64, gv);
            let len = b.ins().iconst(types::I64, startup_stderr.len() as i64);
            let fr = symbols.import_runtime(b.func, Rt::WriteStderr);
            b.ins().call(fr, &[addr, len]);
        }
        // The module table; the runtime creates `__main__` now, the others when imported.
        let (table, count) = define_module_table(module, symbols, functions, modules)?;
        let gv = symbols.import_data(b.func, table.as_u32());
        let addr = b.ins().symbol_value(types::I64, gv);
        let count = b.ins().iconst(types::I64, count as i64);
        let fr = symbols.import_runtime(b.func, Rt::ModulesInit);
        b.ins().call(fr, &[addr, count]);
        // Constants.
        let mut str_values: FxHashMap<&str, ir::Value> = FxHashMap::default();
        for (k, s) in constants.strings.iter().enumerate() {
            let data = bytes_data(module, format!("__molt_sb_{k}"), s.as_bytes())?;
            let gv = symbols.import_data(b.func, data.as_u32());
            let addr = b.ins().symbol_value(types::I64, gv);
            let len = b.ins().iconst(types::I64, s.len() as i64);
            let v = store_call(&mut b, Rt::ConstStr, &[addr, len], symbols.strings[s]);
            str_values.insert(s, v);
        }
        for (k, digits) in constants.bigints.iter().enumerate() {
            let data = bytes_data(module, format!("__molt_bb_{k}"), digits.as_bytes())?;
            let gv = symbols.import_data(b.func, data.as_u32());
            let addr = b.ins().symbol_value(types::I64, gv);
            let len = b.ins().iconst(types::I64, digits.len() as i64);
            store_call(
                &mut b,
                Rt::ConstBigint,
                &[addr, len],
                symbols.bigints[digits],
            );
        }
        store_call(&mut b, Rt::ConstEllipsis, &[], symbols.ellipsis);
        let max_kw = constants
            .kwnames
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(1);
        let scratch = b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (max_kw * 8) as u32,
            3,
        ));
        for names in &constants.kwnames {
            for (i, n) in names.iter().enumerate() {
                let v = str_values[n.as_str()];
                b.ins().stack_store(types::I64, v, scratch, (i * 8) as i32);
            }
            let arr = b.ins().stack_addr(types::I64, scratch, 0);
            let n = b.ins().iconst(types::I64, names.len() as i64);
            store_call(&mut b, Rt::BuildTuple, &[arr, n], symbols.kwnames[names]);
        }
        // Run `<module>`.
        let index = functions.iter().position(|f| &*f.name == "<module>");
        let result = match index {
            Some(i) => {
                let fr = symbols.import_local_function(b.func, func_ids[i], py_sig.clone());
                let none = b.ins().iconst(types::I64, translate::NONE);
                let null = b.ins().iconst(types::I64, 0);
                let call = b.ins().call(fr, &[none, null]);
                b.inst_results(call)[0]
            }
            None => b.ins().iconst(types::I64, translate::NONE),
        };
        b.ins().return_(&[result]);
        b.seal_all_blocks();
        b.finalize(symbols.frontend);
    }
    let mut ctx = Context::for_function(clif);
    module
        .define_function(init_id, &mut ctx)
        .map_err(|e| CodegenError::Cranelift {
            function: "__molt_init".into(),
            message: e.to_string(),
        })?;
    Ok(init_id)
}

/// The program's module table (`molt_runtime::modules::ModuleEntry`, `#[repr(C)]`, mirrored
/// here): per module its name, `__file__`, `__path__` (folders separated by NUL bytes), the
/// descriptor of its `<module>` code, the slot compiled code reads it from, flags (bit 0:
/// a package, bit 1: it has a `__file__`) and the builtins its compiled code loads (names
/// separated by NUL bytes: the runtime refuses to let code outside the module shadow them,
/// `molt_runtime::watch`). `__main__` first. Returns the table and its length.
fn define_module_table<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    functions: &[Arc<Function>],
    modules: &[ProgramModule],
) -> Result<(DataId, usize), CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    const ENTRY: usize = 88;
    // The builtins each module's code loads, by module name.
    let mut builtins: FxHashMap<&str, std::collections::BTreeSet<&str>> = FxHashMap::default();
    for f in functions {
        let module_name = molt_mir::split_module(&f.name).0;
        let names = builtins.entry(module_name).or_default();
        for inst in &f.insts {
            if let InstKind::BuiltinLoad(n) = &inst.kind {
                names.insert(n);
            }
        }
        names.extend(f.assumed_builtins.iter().map(|n| &**n));
    }
    // A module that binds a global `super` loads the builtin only to compare a `super()`
    // callee with it (see `molt_lower`'s `zero_arg_super_rebound`): no assumption to watch.
    for f in functions {
        if f.insts.iter().any(|i| {
            matches!(&i.kind, InstKind::GlobalStore(n, _) | InstKind::GlobalDel(n) if &**n == "super")
        }) {
            if let Some(names) = builtins.get_mut(molt_mir::split_module(&f.name).0) {
                names.remove("super");
            }
        }
    }
    let main = ProgramModule {
        name: "__main__".into(),
        ..ProgramModule::default()
    };
    let mut list: Vec<&ProgramModule> = modules.iter().collect();
    if !list.iter().any(|m| m.name == "__main__") {
        list.insert(0, &main);
    }
    let mut bytes = vec![0u8; list.len().max(1) * ENTRY];
    let mut data_relocs: Vec<(u32, DataId)> = Vec::new();
    for (i, m) in list.iter().enumerate() {
        let base = i * ENTRY;
        // A text at byte `at` of the entry: pointer, then length.
        let mut text = |at: usize, what: &str, content: &[u8]| -> Result<(), CodegenError> {
            bytes[base + at + 8..base + at + 16]
                .copy_from_slice(&(content.len() as u64).to_le_bytes());
            if content.is_empty() {
                return Ok(());
            }
            let id = module
                .declare_data(
                    &format!("__molt_mod_{what}_{i}"),
                    Linkage::Local,
                    false,
                    false,
                )
                .map_err(obj_err)?;
            let mut d = DataDescription::new();
            d.define(content.to_vec().into_boxed_slice());
            module.define_data(id, &d).map_err(obj_err)?;
            data_relocs.push(((base + at) as u32, id));
            Ok(())
        };
        text(0, "name", m.name.as_bytes())?;
        text(16, "file", m.file.as_deref().unwrap_or("").as_bytes())?;
        text(32, "path", m.path.join("\0").as_bytes())?;
        let loaded: Vec<&str> = builtins
            .get(m.name.as_str())
            .map(|b| b.iter().copied().collect())
            .unwrap_or_default();
        text(72, "builtins", loaded.join("\0").as_bytes())?;
        let init = if m.name == "__main__" {
            "<module>".to_string()
        } else {
            format!("{}:<module>", m.name)
        };
        if functions.iter().any(|f| *f.name == *init)
            && let Some(code) = symbols.code.get(&init)
        {
            data_relocs.push(((base + 48) as u32, *code));
        }
        if let Some(slot) = symbols.modules.get(&m.name) {
            data_relocs.push(((base + 56) as u32, *slot));
        }
        let flags = u64::from(m.is_package) | (u64::from(m.file.is_some()) << 1);
        bytes[base + 64..base + 72].copy_from_slice(&flags.to_le_bytes());
    }
    let mut d = DataDescription::new();
    d.define(bytes.into_boxed_slice());
    d.set_align(8);
    for (offset, id) in data_relocs {
        let gv = module.declare_data_in_data(id, &mut d);
        d.write_data_addr(offset, gv, 0);
    }
    let id = module
        .declare_data("__molt_modules", Linkage::Local, false, false)
        .map_err(obj_err)?;
    module.define_data(id, &d).map_err(obj_err)?;
    Ok((id, list.len()))
}

fn define_main<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    init: FuncId,
) -> Result<(), CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    let mut sig = ir::Signature::new(symbols.call_conv);
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let main_id = module
        .declare_function("main", Linkage::Export, &sig)
        .map_err(obj_err)?;
    let mut clif =
        ir::Function::with_name_signature(ir::UserFuncName::user(0, main_id.as_u32()), sig);
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut clif, &mut fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        let mut init_sig = ir::Signature::new(symbols.call_conv);
        init_sig.returns.push(AbiParam::new(types::I64));
        let init_ref = symbols.import_local_function(b.func, init, init_sig);
        let init_addr = b.ins().func_addr(types::I64, init_ref);
        let main_ref = symbols.import_runtime(b.func, Rt::Main);
        let call = b.ins().call(main_ref, &[params[0], params[1], init_addr]);
        let code = b.inst_results(call)[0];
        b.ins().return_(&[code]);
        b.seal_all_blocks();
        b.finalize(symbols.frontend);
    }
    let mut ctx = Context::for_function(clif);
    module
        .define_function(main_id, &mut ctx)
        .map_err(|e| CodegenError::Cranelift {
            function: "main".into(),
            message: e.to_string(),
        })?;
    Ok(())
}

/// The wasm32 command's entry point: `_start` hands the module initializer to the runtime's
/// `molt_wasi_start`, which runs the program and exits with its status.
fn define_wasm_start<M: Module>(
    module: &mut M,
    symbols: &Symbols,
    init: FuncId,
) -> Result<(), CodegenError> {
    let obj_err = |e: cranelift_module::ModuleError| CodegenError::Object(e.to_string());
    let sig = ir::Signature::new(symbols.call_conv);
    let start_id = module
        .declare_function("_start", Linkage::Export, &sig)
        .map_err(obj_err)?;
    let mut clif =
        ir::Function::with_name_signature(ir::UserFuncName::user(0, start_id.as_u32()), sig);
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut clif, &mut fctx);
        let entry = b.create_block();
        b.switch_to_block(entry);
        let mut init_sig = ir::Signature::new(symbols.call_conv);
        init_sig.returns.push(AbiParam::new(types::I64));
        let init_ref = symbols.import_local_function(b.func, init, init_sig);
        let init_addr = b.ins().func_addr(types::I64, init_ref);
        let start_ref = symbols.import_runtime(b.func, Rt::WasiStart);
        b.ins().call(start_ref, &[init_addr]);
        b.ins().return_(&[]);
        b.seal_all_blocks();
        b.finalize(symbols.frontend);
    }
    let mut ctx = Context::for_function(clif);
    module
        .define_function(start_id, &mut ctx)
        .map_err(|e| CodegenError::Cranelift {
            function: "_start".into(),
            message: e.to_string(),
        })?;
    Ok(())
}
