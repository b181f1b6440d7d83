//! Program entry: `molt_main` sets `sys.argv`, runs the module initializer, and turns an
//! uncaught exception into CPython's traceback text and exit status (`SystemExit` exits with
//! its code), flushing stdout before the process exits.

use std::ffi::{CStr, c_char};

use crate::class::isinstance_class;
use crate::exceptions::{ExcKind, take_pending, traceback_text};
use crate::io::{flush_stdout, write_stderr};
use crate::object::Ref;
use crate::object::decref;
use crate::state::{exc_class, rt};
use crate::value::Value;

/// The program arguments as Rust strings (lossy UTF-8).
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
        out.push(s.to_string_lossy().into_owned());
    }
    out
}

/// Runs a program: `init` executes `<module>`. Returns the process exit status.
pub fn run_main(argv: Vec<String>, init: extern "C" fn() -> Value) -> i32 {
    let _ = rt();
    crate::modules::set_argv(argv);
    let base = crate::exceptions::frame_enter();
    let result = init();
    crate::exceptions::frame_exit(base);
    let status = if result.is_error() {
        exit_status_for_pending()
    } else {
        decref(result);
        0
    };
    flush_stdout();
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
                crate::exceptions::exc_derived_attr(exc.v(), "code").unwrap_or(Ref::NONE)
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
