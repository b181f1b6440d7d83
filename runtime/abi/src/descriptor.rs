//! The static data codegen emits and the runtime reads, defined once with one byte layout on
//! every target.
//!
//! Generated code has a 64-bit view of every ABI structure, whatever the pointer width of the
//! target: an address is an 8-byte word ([`Addr`]; on wasm32 its low 4 bytes hold the 32-bit
//! address, little-endian, and its high 4 bytes are zero), a length is a `u64`, and a function
//! pointer is an 8-byte word too ([`CodeAddr`]). So each structure below has the same size
//! and field offsets on x86_64 and on wasm32, the offsets are the `*_OFFSET`/`*_SIZE`
//! constants next to it (what codegen writes), and this module asserts at compile time, on
//! every target it is built for, that the Rust definitions agree with them. On 64-bit targets
//! the layouts are exactly the former `#[repr(C)]` structures of pointers and `usize`s.
//!
//! All structures are little-endian, 8-byte aligned, and read-only for the runtime except
//! where a field says otherwise (counters and cache cells they point to are written).

use core::marker::PhantomData;
use core::mem::{align_of, offset_of, size_of};

/// An address stored in an 8-byte word: the pointer zero-extended to 64 bits (a wasm32
/// address in the low 4 bytes, upper 4 bytes zero). 0 is null.
///
/// [`Addr::get`] turns it back into a pointer by way of `usize`, which on wasm32 drops the
/// (zero) upper half.
#[repr(transparent)]
pub struct Addr<T> {
    word: u64,
    _to: PhantomData<*const T>,
}

impl<T> Clone for Addr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Addr<T> {}

impl<T> core::fmt::Debug for Addr<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Addr({:#x})", self.word)
    }
}

impl<T> Addr<T> {
    /// The null address.
    pub const NULL: Addr<T> = Addr {
        word: 0,
        _to: PhantomData,
    };

    /// The word holding `p`.
    #[inline(always)]
    pub fn new(p: *const T) -> Addr<T> {
        Addr {
            word: p as usize as u64,
            _to: PhantomData,
        }
    }

    /// The word as stored (the address zero-extended to 64 bits).
    #[inline(always)]
    pub const fn word(self) -> u64 {
        self.word
    }

    /// The pointer.
    #[inline(always)]
    pub fn get(self) -> *const T {
        self.word as usize as *const T
    }

    /// The pointer, for data the runtime writes (counters, cache cells, module slots).
    #[inline(always)]
    pub fn get_mut(self) -> *mut T {
        self.word as usize as *mut T
    }

    /// Whether the address is null.
    #[inline(always)]
    pub const fn is_null(self) -> bool {
        self.word == 0
    }

    /// The `len` elements at the address (empty when it is null or `len` is 0).
    ///
    /// # Safety
    /// A non-null address must point at `len` initialized elements that live, unchanged, for
    /// `'a` (codegen's static data lives for the whole program).
    #[inline(always)]
    pub unsafe fn slice<'a>(self, len: u64) -> &'a [T] {
        if self.is_null() || len == 0 {
            return &[];
        }
        // SAFETY: per this function's contract.
        unsafe { core::slice::from_raw_parts(self.get(), len as usize) }
    }
}

/// A function address stored in an 8-byte word (zero-extended, as [`Addr`]).
///
/// On native targets it is the address of the function's machine code. On wasm32 a function
/// pointer is an index into the module's function table (`__indirect_function_table`), the
/// 32-bit value `wasm-ld` gives a function whose address is taken: Rust's own `fn` pointers
/// are exactly such indices, and an indirect call through one checks the callee's type
/// (`call_indirect` traps on a mismatch). So the word converted to `usize`
/// ([`CodeAddr::raw`]) is the function pointer's representation on both widths, and the
/// runtime turns it into its `extern "C" fn` type with a `transmute` from `usize`.
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CodeAddr(pub u64);

impl CodeAddr {
    /// The word of a function pointer given as `usize` (`f as usize`).
    #[inline(always)]
    pub fn new(raw: usize) -> CodeAddr {
        CodeAddr(raw as u64)
    }

    /// The function pointer's representation (`usize`): a code address natively, a
    /// function-table index on wasm32.
    #[inline(always)]
    pub fn raw(self) -> usize {
        self.0 as usize
    }
}

/// A compiled function's static descriptor (`molt_runtime::object::FunctionCode`), emitted by
/// codegen per function; `molt_make_function` makes function objects from it and
/// `molt_tb_add` records it in tracebacks.
#[repr(C)]
pub struct FunctionCode {
    /// Qualified name (UTF-8, `name_len` bytes, without the module prefix).
    pub name: Addr<u8>,
    /// Length of `name` in bytes.
    pub name_len: u64,
    /// Number of parameters.
    pub nparams: u32,
    /// Flags: bit 0 = generator.
    pub flags: u32,
    /// Parameter descriptors, `nparams` of them.
    pub params: Addr<ParamCode>,
    /// The compiled code, `extern "C" fn(func: Value, args: *const Value) -> Value`.
    pub entry: CodeAddr,
    /// The function's debug table (`debug_len` bytes, or null): source file, local names and
    /// the source position of each site (format: `molt_runtime::traceback`).
    pub debug: Addr<u8>,
    /// Length of `debug` in bytes.
    pub debug_len: u64,
}

/// Size of a [`FunctionCode`].
pub const FUNCTION_CODE_SIZE: usize = 56;
/// Byte offset of [`FunctionCode::name`].
pub const FUNCTION_CODE_NAME: usize = 0;
/// Byte offset of [`FunctionCode::name_len`].
pub const FUNCTION_CODE_NAME_LEN: usize = 8;
/// Byte offset of [`FunctionCode::nparams`] (`u32`).
pub const FUNCTION_CODE_NPARAMS: usize = 16;
/// Byte offset of [`FunctionCode::flags`] (`u32`).
pub const FUNCTION_CODE_FLAGS: usize = 20;
/// Byte offset of [`FunctionCode::params`].
pub const FUNCTION_CODE_PARAMS: usize = 24;
/// Byte offset of [`FunctionCode::entry`].
pub const FUNCTION_CODE_ENTRY: usize = 32;
/// Byte offset of [`FunctionCode::debug`].
pub const FUNCTION_CODE_DEBUG: usize = 40;
/// Byte offset of [`FunctionCode::debug_len`].
pub const FUNCTION_CODE_DEBUG_LEN: usize = 48;

/// One parameter of a [`FunctionCode`].
#[repr(C)]
pub struct ParamCode {
    /// Name (UTF-8).
    pub name: Addr<u8>,
    /// Length of `name` in bytes.
    pub name_len: u64,
    /// 0 positional-only, 1 positional-or-keyword, 2 `*args`, 3 keyword-only, 4 `**kwargs`.
    pub kind: u32,
    /// 1 when the parameter has a default.
    pub has_default: u32,
}

/// Size of a [`ParamCode`].
pub const PARAM_CODE_SIZE: usize = 24;
/// Byte offset of [`ParamCode::name`].
pub const PARAM_CODE_NAME: usize = 0;
/// Byte offset of [`ParamCode::name_len`].
pub const PARAM_CODE_NAME_LEN: usize = 8;
/// Byte offset of [`ParamCode::kind`] (`u32`).
pub const PARAM_CODE_KIND: usize = 16;
/// Byte offset of [`ParamCode::has_default`] (`u32`).
pub const PARAM_CODE_HAS_DEFAULT: usize = 20;

/// One module of the program: codegen's module table (`molt_modules_init(table, len)`),
/// `__main__` first. Texts are an address and a length (length 0: none).
#[repr(C)]
pub struct ModuleEntry {
    /// `__name__`.
    pub name: Addr<u8>,
    /// Length of `name`.
    pub name_len: u64,
    /// `__file__`.
    pub file: Addr<u8>,
    /// Length of `file`.
    pub file_len: u64,
    /// `__path__` of a package: folders separated by NUL bytes.
    pub path: Addr<u8>,
    /// Length of `path`.
    pub path_len: u64,
    /// The descriptor of the module's `<module>` code (null for a namespace package).
    pub code: Addr<FunctionCode>,
    /// The 8-byte data word where compiled code reads the module object (a value word the
    /// runtime writes; null: none).
    pub slot: Addr<u64>,
    /// Bit 0: a package; bit 1: `__file__` is set.
    pub flags: u64,
    /// The builtins the module's compiled code relies on (names separated by NUL bytes).
    pub builtins: Addr<u8>,
    /// Length of `builtins`.
    pub builtins_len: u64,
}

/// Size of a [`ModuleEntry`].
pub const MODULE_ENTRY_SIZE: usize = 88;
/// Byte offset of [`ModuleEntry::name`] (its length follows at + 8).
pub const MODULE_ENTRY_NAME: usize = 0;
/// Byte offset of [`ModuleEntry::file`] (its length follows at + 8).
pub const MODULE_ENTRY_FILE: usize = 16;
/// Byte offset of [`ModuleEntry::path`] (its length follows at + 8).
pub const MODULE_ENTRY_PATH: usize = 32;
/// Byte offset of [`ModuleEntry::code`].
pub const MODULE_ENTRY_CODE: usize = 48;
/// Byte offset of [`ModuleEntry::slot`].
pub const MODULE_ENTRY_SLOT: usize = 56;
/// Byte offset of [`ModuleEntry::flags`] (`u64`).
pub const MODULE_ENTRY_FLAGS: usize = 64;
/// Byte offset of [`ModuleEntry::builtins`] (its length follows at + 8).
pub const MODULE_ENTRY_BUILTINS: usize = 72;
/// Byte offset of a text's length from the text's address field.
pub const TEXT_LEN: usize = 8;

/// The per-build profile table generated code hands to `molt_profile_init`
/// (`molt_runtime::profile`).
#[repr(C)]
pub struct ProfileTable {
    /// Layout version (1).
    pub version: u32,
    /// Number of entries of `functions`.
    pub nfunctions: u32,
    /// One entry per compiled function, in the order of the build.
    pub functions: Addr<ProfileFunction>,
    /// The build id (ASCII hex).
    pub build_id: Addr<u8>,
    /// Length of `build_id`.
    pub build_id_len: u64,
    /// The source files: `count:u32 (path:str sha256:str)*`, a `str` being a `u32` byte
    /// length and UTF-8 bytes (little-endian).
    pub files: Addr<u8>,
    /// Length of `files` in bytes.
    pub files_len: u64,
}

/// Size of a [`ProfileTable`].
pub const PROFILE_TABLE_SIZE: usize = 48;
/// Byte offset of [`ProfileTable::version`] (`u32`).
pub const PROFILE_TABLE_VERSION: usize = 0;
/// Byte offset of [`ProfileTable::nfunctions`] (`u32`).
pub const PROFILE_TABLE_NFUNCTIONS: usize = 4;
/// Byte offset of [`ProfileTable::functions`].
pub const PROFILE_TABLE_FUNCTIONS: usize = 8;
/// Byte offset of [`ProfileTable::build_id`].
pub const PROFILE_TABLE_BUILD_ID: usize = 16;
/// Byte offset of [`ProfileTable::build_id_len`].
pub const PROFILE_TABLE_BUILD_ID_LEN: usize = 24;
/// Byte offset of [`ProfileTable::files`].
pub const PROFILE_TABLE_FILES: usize = 32;
/// Byte offset of [`ProfileTable::files_len`].
pub const PROFILE_TABLE_FILES_LEN: usize = 40;

/// One compiled function of a [`ProfileTable`].
#[repr(C)]
pub struct ProfileFunction {
    /// Its descriptor.
    pub code: Addr<FunctionCode>,
    /// Its counters (`u64` each, written by generated code and the runtime): the slots its
    /// points and edges name.
    pub counters: Addr<u64>,
    /// Its profile points.
    pub points: Addr<ProfilePoint>,
    /// Number of `points`.
    pub npoints: u32,
    /// Bytes of machine code from `code.entry` (native targets; 0 where unknown).
    pub code_size: u32,
    /// Code offset → site: `npcmap` triples `(start, end, site)` of `u32`, sorted by `start`
    /// (offsets from `code.entry`, `end` exclusive).
    pub pcmap: Addr<u32>,
    /// Number of triples of `pcmap`.
    pub npcmap: u32,
    /// One more than the largest site of `pcmap` (0 when it is empty).
    pub nsites: u32,
    /// The control-flow edges, `nedges` of them.
    pub edges: Addr<ProfileEdge>,
    /// Number of `edges`.
    pub nedges: u32,
    /// Number of MIR blocks: block nodes are `0..nblocks`, and `nblocks` is the exit node.
    pub nblocks: u32,
}

/// Size of a [`ProfileFunction`].
pub const PROFILE_FUNCTION_SIZE: usize = 64;
/// Byte offset of [`ProfileFunction::code`].
pub const PROFILE_FUNCTION_CODE: usize = 0;
/// Byte offset of [`ProfileFunction::counters`].
pub const PROFILE_FUNCTION_COUNTERS: usize = 8;
/// Byte offset of [`ProfileFunction::points`].
pub const PROFILE_FUNCTION_POINTS: usize = 16;
/// Byte offset of [`ProfileFunction::npoints`] (`u32`).
pub const PROFILE_FUNCTION_NPOINTS: usize = 24;
/// Byte offset of [`ProfileFunction::code_size`] (`u32`).
pub const PROFILE_FUNCTION_CODE_SIZE: usize = 28;
/// Byte offset of [`ProfileFunction::pcmap`].
pub const PROFILE_FUNCTION_PCMAP: usize = 32;
/// Byte offset of [`ProfileFunction::npcmap`] (`u32`).
pub const PROFILE_FUNCTION_NPCMAP: usize = 40;
/// Byte offset of [`ProfileFunction::nsites`] (`u32`).
pub const PROFILE_FUNCTION_NSITES: usize = 44;
/// Byte offset of [`ProfileFunction::edges`].
pub const PROFILE_FUNCTION_EDGES: usize = 48;
/// Byte offset of [`ProfileFunction::nedges`] (`u32`).
pub const PROFILE_FUNCTION_NEDGES: usize = 56;
/// Byte offset of [`ProfileFunction::nblocks`] (`u32`).
pub const PROFILE_FUNCTION_NBLOCKS: usize = 60;

/// One profile point: an operation whose executions, guard failures or cache hits are
/// counted.
#[repr(C)]
pub struct ProfilePoint {
    /// The MIR site.
    pub site: u32,
    /// What is counted: one of [`crate::profile_kind`], possibly with
    /// [`crate::profile_kind::DYNAMIC_LANE`].
    pub kind: u32,
    /// Its block (a node of the edges).
    pub block: u32,
    /// Its position in the block.
    pub pos: u32,
    /// Its first counter slot: one per deopt reason of its kind, in order.
    pub slot: u32,
    /// Padding (0).
    pub pad: u32,
    /// For `METHOD_CACHED` points: the site's inline cache cell (see [`crate::ic`]), whose
    /// words 2 and 3 the runtime uses as hit and miss counters; null otherwise.
    pub cell: Addr<u64>,
}

/// Size of a [`ProfilePoint`].
pub const PROFILE_POINT_SIZE: usize = 32;
/// Byte offset of [`ProfilePoint::site`] (`u32`).
pub const PROFILE_POINT_SITE: usize = 0;
/// Byte offset of [`ProfilePoint::kind`] (`u32`).
pub const PROFILE_POINT_KIND: usize = 4;
/// Byte offset of [`ProfilePoint::block`] (`u32`).
pub const PROFILE_POINT_BLOCK: usize = 8;
/// Byte offset of [`ProfilePoint::pos`] (`u32`).
pub const PROFILE_POINT_POS: usize = 12;
/// Byte offset of [`ProfilePoint::slot`] (`u32`).
pub const PROFILE_POINT_SLOT: usize = 16;
/// Byte offset of [`ProfilePoint::cell`].
pub const PROFILE_POINT_CELL: usize = 24;

/// One edge of a function's control-flow graph: source and target nodes, counter slot and
/// the position of the raising instruction (`u32` each).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ProfileEdge {
    /// Source node.
    pub from: u32,
    /// Target node.
    pub to: u32,
    /// Its counter slot, or `u32::MAX` when the count is derived.
    pub slot: u32,
    /// The position of the raising instruction for an exception edge, else `u32::MAX`.
    pub pos: u32,
}

/// Size of a [`ProfileEdge`].
pub const PROFILE_EDGE_SIZE: usize = 16;
/// Byte offset of [`ProfileEdge::from`] (`u32`).
pub const PROFILE_EDGE_FROM: usize = 0;
/// Byte offset of [`ProfileEdge::to`] (`u32`).
pub const PROFILE_EDGE_TO: usize = 4;
/// Byte offset of [`ProfileEdge::slot`] (`u32`).
pub const PROFILE_EDGE_SLOT: usize = 8;
/// Byte offset of [`ProfileEdge::pos`] (`u32`).
pub const PROFILE_EDGE_POS: usize = 12;

/// Size of an address word ([`Addr`], [`CodeAddr`]) on every target.
pub const ADDR_SIZE: usize = 8;
/// Size of a value word on every target.
pub const VALUE_SIZE: usize = 8;

// The layouts, on every target this crate is built for (native and wasm32).
const _: () = {
    assert!(size_of::<Addr<u8>>() == ADDR_SIZE && align_of::<Addr<u8>>() == 8);
    assert!(size_of::<CodeAddr>() == ADDR_SIZE && align_of::<CodeAddr>() == 8);

    assert!(size_of::<FunctionCode>() == FUNCTION_CODE_SIZE);
    assert!(align_of::<FunctionCode>() == 8);
    assert!(offset_of!(FunctionCode, name) == FUNCTION_CODE_NAME);
    assert!(offset_of!(FunctionCode, name_len) == FUNCTION_CODE_NAME_LEN);
    assert!(offset_of!(FunctionCode, nparams) == FUNCTION_CODE_NPARAMS);
    assert!(offset_of!(FunctionCode, flags) == FUNCTION_CODE_FLAGS);
    assert!(offset_of!(FunctionCode, params) == FUNCTION_CODE_PARAMS);
    assert!(offset_of!(FunctionCode, entry) == FUNCTION_CODE_ENTRY);
    assert!(offset_of!(FunctionCode, debug) == FUNCTION_CODE_DEBUG);
    assert!(offset_of!(FunctionCode, debug_len) == FUNCTION_CODE_DEBUG_LEN);

    assert!(size_of::<ParamCode>() == PARAM_CODE_SIZE);
    assert!(offset_of!(ParamCode, name) == PARAM_CODE_NAME);
    assert!(offset_of!(ParamCode, name_len) == PARAM_CODE_NAME_LEN);
    assert!(offset_of!(ParamCode, kind) == PARAM_CODE_KIND);
    assert!(offset_of!(ParamCode, has_default) == PARAM_CODE_HAS_DEFAULT);

    assert!(size_of::<ModuleEntry>() == MODULE_ENTRY_SIZE);
    assert!(offset_of!(ModuleEntry, name) == MODULE_ENTRY_NAME);
    assert!(offset_of!(ModuleEntry, name_len) == MODULE_ENTRY_NAME + TEXT_LEN);
    assert!(offset_of!(ModuleEntry, file) == MODULE_ENTRY_FILE);
    assert!(offset_of!(ModuleEntry, file_len) == MODULE_ENTRY_FILE + TEXT_LEN);
    assert!(offset_of!(ModuleEntry, path) == MODULE_ENTRY_PATH);
    assert!(offset_of!(ModuleEntry, path_len) == MODULE_ENTRY_PATH + TEXT_LEN);
    assert!(offset_of!(ModuleEntry, code) == MODULE_ENTRY_CODE);
    assert!(offset_of!(ModuleEntry, slot) == MODULE_ENTRY_SLOT);
    assert!(offset_of!(ModuleEntry, flags) == MODULE_ENTRY_FLAGS);
    assert!(offset_of!(ModuleEntry, builtins) == MODULE_ENTRY_BUILTINS);
    assert!(offset_of!(ModuleEntry, builtins_len) == MODULE_ENTRY_BUILTINS + TEXT_LEN);

    assert!(size_of::<ProfileTable>() == PROFILE_TABLE_SIZE);
    assert!(offset_of!(ProfileTable, version) == PROFILE_TABLE_VERSION);
    assert!(offset_of!(ProfileTable, nfunctions) == PROFILE_TABLE_NFUNCTIONS);
    assert!(offset_of!(ProfileTable, functions) == PROFILE_TABLE_FUNCTIONS);
    assert!(offset_of!(ProfileTable, build_id) == PROFILE_TABLE_BUILD_ID);
    assert!(offset_of!(ProfileTable, build_id_len) == PROFILE_TABLE_BUILD_ID_LEN);
    assert!(offset_of!(ProfileTable, files) == PROFILE_TABLE_FILES);
    assert!(offset_of!(ProfileTable, files_len) == PROFILE_TABLE_FILES_LEN);

    assert!(size_of::<ProfileFunction>() == PROFILE_FUNCTION_SIZE);
    assert!(offset_of!(ProfileFunction, code) == PROFILE_FUNCTION_CODE);
    assert!(offset_of!(ProfileFunction, counters) == PROFILE_FUNCTION_COUNTERS);
    assert!(offset_of!(ProfileFunction, points) == PROFILE_FUNCTION_POINTS);
    assert!(offset_of!(ProfileFunction, npoints) == PROFILE_FUNCTION_NPOINTS);
    assert!(offset_of!(ProfileFunction, code_size) == PROFILE_FUNCTION_CODE_SIZE);
    assert!(offset_of!(ProfileFunction, pcmap) == PROFILE_FUNCTION_PCMAP);
    assert!(offset_of!(ProfileFunction, npcmap) == PROFILE_FUNCTION_NPCMAP);
    assert!(offset_of!(ProfileFunction, nsites) == PROFILE_FUNCTION_NSITES);
    assert!(offset_of!(ProfileFunction, edges) == PROFILE_FUNCTION_EDGES);
    assert!(offset_of!(ProfileFunction, nedges) == PROFILE_FUNCTION_NEDGES);
    assert!(offset_of!(ProfileFunction, nblocks) == PROFILE_FUNCTION_NBLOCKS);

    assert!(size_of::<ProfilePoint>() == PROFILE_POINT_SIZE);
    assert!(offset_of!(ProfilePoint, site) == PROFILE_POINT_SITE);
    assert!(offset_of!(ProfilePoint, kind) == PROFILE_POINT_KIND);
    assert!(offset_of!(ProfilePoint, block) == PROFILE_POINT_BLOCK);
    assert!(offset_of!(ProfilePoint, pos) == PROFILE_POINT_POS);
    assert!(offset_of!(ProfilePoint, slot) == PROFILE_POINT_SLOT);
    assert!(offset_of!(ProfilePoint, cell) == PROFILE_POINT_CELL);

    assert!(size_of::<ProfileEdge>() == PROFILE_EDGE_SIZE);
    assert!(offset_of!(ProfileEdge, from) == PROFILE_EDGE_FROM);
    assert!(offset_of!(ProfileEdge, to) == PROFILE_EDGE_TO);
    assert!(offset_of!(ProfileEdge, slot) == PROFILE_EDGE_SLOT);
    assert!(offset_of!(ProfileEdge, pos) == PROFILE_EDGE_POS);
};

#[cfg(test)]
mod tests {
    use super::*;

    /// An address word holds the pointer zero-extended and gives it back.
    #[test]
    fn an_address_word_round_trips() {
        let data = [1u32, 2, 3];
        let a = Addr::new(data.as_ptr());
        assert_eq!(a.word(), data.as_ptr() as usize as u64);
        assert_eq!(a.get(), data.as_ptr());
        assert!(!a.is_null());
        // SAFETY: `data` has three elements and outlives the slice.
        assert_eq!(unsafe { a.slice(3) }, &data);
        assert!(Addr::<u32>::NULL.is_null());
        // SAFETY: null gives an empty slice without reading.
        assert!(unsafe { Addr::<u32>::NULL.slice(5) }.is_empty());
    }

    extern "C" fn seven() -> u64 {
        7
    }

    /// A function word is the function pointer's `usize` representation.
    #[test]
    fn a_code_word_is_the_function_pointer() {
        let c = CodeAddr::new(seven as *const () as usize);
        // SAFETY: the word was made from a function of this type.
        let f = unsafe { core::mem::transmute::<usize, extern "C" fn() -> u64>(c.raw()) };
        assert_eq!(f(), 7);
    }
}
