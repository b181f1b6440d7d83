//! Program entry: `molt_main` sets `sys.argv`, runs the module initializer, and turns an
//! uncaught exception into CPython's traceback text and exit status (`SystemExit` exits with
//! its code), flushing stdout before the process exits.

use std::ffi::{CStr, c_char};

use crate::class::isinstance_class;
use crate::exceptions::{ExcKind, take_pending, traceback_text};
use crate::io::{flush_stdout, write_stderr};
use crate::object::decref;
use crate::state::{exc_class, rt};
use crate::value::Value;

/// The program arguments as Rust strings (lossy UTF-8; an argument that is not UTF-8 is
/// recorded by `crate::modules::note_argv_not_utf8`).
///
/// # Safety
/// `argv` must point at `argc` valid NUL-terminated strings (or be null when `argc` is 0).
pub unsafe fn collect_argv(argc: i32, argv: *const *const c_char) -> Vec<String> {
    let mut out = Vec::new();
    if argv.is_null() {
        return out;
    }
    for i in 0..argc.max(0) as usize {
        // SAFETY: per the contract, `argv[i]` is a valid C string for i < argc.
        let p = unsafe { *argv.add(i) };
        if p.is_null() {
            break;
        }
        // SAFETY: `p` is NUL-terminated.
        let s = unsafe { CStr::from_ptr(p) };
        if s.to_str().is_err() {
            crate::modules::note_argv_not_utf8();
        }
        out.push(s.to_string_lossy().into_owned());
    }
    out
}

/// Bytes of (virtual, lazily committed) stack for the program thread, largest first: deep
/// recursion with a raised `sys.setrecursionlimit` and deep runtime recursion need far more
/// than the usual 8 MiB main-thread stack. The native stack checks of [`crate::recursion`]
/// still apply, so the size only moves the point where `RecursionError` is raised.
#[cfg(target_pointer_width = "64")]
const PROGRAM_STACK_SIZES: [usize; 3] = [1 << 30, 256 << 20, 64 << 20];
#[cfg(not(target_pointer_width = "64"))]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))] // wasm32 runs on the calling thread
const PROGRAM_STACK_SIZES: [usize; 3] = [256 << 20, 64 << 20, 16 << 20];

/// The process entry (`molt_main`): runs the program on a thread with a large stack (the
/// first size of [`PROGRAM_STACK_SIZES`] the system grants; on the calling thread when none
/// is), with the fatal-signal handlers installed (see [`crate::fatal`]), and ends the process
/// with the program's exit status. Returns the status only when run on the calling thread.
pub fn run_program(argv: Vec<String>, init: extern "C" fn() -> Value) -> i32 {
    #[cfg(not(target_arch = "wasm32"))]
    for size in PROGRAM_STACK_SIZES {
        let args = argv.clone();
        let spawned = std::thread::Builder::new()
            .name("main".into())
            .stack_size(size)
            .spawn(move || {
                let status = run_program_thread(args, init);
                // End the whole process from here: the thread's locals are never destroyed
                // (runtime objects stay valid to the end, as on the main thread).
                std::process::exit(status)
            });
        if let Ok(handle) = spawned {
            // The profiling timer's signal must interrupt the program, not this thread.
            crate::profile::block_sampling_signal();
            // The thread ends the process; it returns here only if it panicked.
            let _ = handle.join();
            flush_stdout();
            return 101;
        }
    }
    run_program_thread(argv, init)
}

/// The exit status of a wasm32 program that hit a runtime bug (a Rust panic): 134, the status
/// a shell shows for a native process killed by `SIGABRT` (what a panic does natively).
#[cfg(target_arch = "wasm32")]
pub const PANIC_STATUS: i32 = 134;

/// `molt_wasi_start`: the program arguments from WASI's `args_get`, the program run as
/// [`run_program`] runs it (on this thread, finalization and the flush of stdout included),
/// then: for status 0 a return (so `_start` returns, which WASI hosts take as exit status 0),
/// for another status `proc_exit(status)`. Returning spares the usual exit the host's
/// `proc_exit` exception (node's `node:wasi` with `returnOnExit` throws one through the wasm
/// frames). A Rust panic (a runtime bug) writes the buffered prints and `molt: fatal error: internal error: ...` to stderr and
/// exits with [`PANIC_STATUS`] instead of trapping.
#[cfg(target_arch = "wasm32")]
pub fn run_wasi(init: extern "C" fn() -> Value) {
    std::panic::set_hook(Box::new(|info| {
        crate::io::emergency_flush_stdout();
        let _ = crate::wasi::write_all(
            2,
            format!("molt: fatal error: internal error: {info}\n").as_bytes(),
        );
        crate::wasi::exit(PANIC_STATUS)
    }));
    let status = run_program(crate::wasi::args(), init);
    flush_stdout();
    if status != 0 {
        crate::wasi::exit(status)
    }
}

/// [`run_main`] on the current thread with the signal-safe stdout buffer and the fatal-signal
/// handlers.
fn run_program_thread(argv: Vec<String>, init: extern "C" fn() -> Value) -> i32 {
    crate::io::use_program_stdout();
    #[cfg(unix)]
    crate::fatal::install();
    run_main(argv, init)
}

/// Runs a program: `init` executes `<module>`. Returns the process exit status.
pub fn run_main(argv: Vec<String>, init: extern "C" fn() -> Value) -> i32 {
    let r = rt();
    crate::modules::set_argv(argv);
    let base = crate::exceptions::frame_enter();
    // `<module>` is the first frame of the recursion depth, as in CPython.
    let depth = r.depth.get();
    r.depth.set(depth + 1);
    let result = init();
    r.depth.set(depth);
    crate::exceptions::frame_exit(base);
    let (kind, status) = if result.is_error() {
        let kind = if crate::exceptions::pending_is(ExcKind::SystemExit) {
            "sys.exit"
        } else {
            "exception"
        };
        (kind, exit_status_for_pending())
    } else {
        decref(result);
        ("normal", 0)
    };
    // The uncaught exception (and the frames its traceback held) is gone; what the module's
    // globals and cycles still hold is finalized now, as CPython's shutdown does.
    crate::finalize::finalize_at_exit();
    flush_stdout();
    crate::profile::finish(crate::profile::Exit { kind, code: status });
    status
}

/// Consumes the pending exception and reports it as the process would: the exit status of
/// a `SystemExit`, or 1 after printing the traceback.
pub fn exit_status_for_pending() -> i32 {
    let Some(exc) = take_pending() else {
        flush_stdout();
        write_stderr("Fatal error: an error was returned without an exception set\n");
        return 1;
    };
    if isinstance_class(exc.v(), exc_class(ExcKind::SystemExit)) {
        // `e.code` (an assignment to it counts, as in CPython's `handle_system_exit`).
        let code = match crate::attr::getattr_str(exc.v(), "code") {
            Ok(c) => c,
            Err(_) => {
                drop(take_pending());
                crate::exc_members::read(exc.v(), ExcKind::SystemExit, "code")
            }
        };
        let code = code.v();
        if code.is_none() {
            return 0;
        }
        if let Some(i) = crate::int::int_view(code) {
            return i.to_i64().map(|c| c as i32).unwrap_or(-1);
        }
        flush_stdout();
        let text = match crate::ops::str_string(code) {
            Ok(s) => s,
            Err(_) => {
                drop(take_pending());
                String::new()
            }
        };
        write_stderr(&format!("{text}\n"));
        return 1;
    }
    flush_stdout();
    write_stderr(&traceback_text(exc.v()));
    1
}
