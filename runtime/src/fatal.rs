//! The last line of defence of a compiled program: a native crash (a stack overflow the
//! recursion checks of [`crate::recursion`] did not catch, or a runtime bug) must not lose the
//! program's output silently.
//!
//! [`install`] (called by `molt_main` on the program thread) gives the thread an alternate
//! signal stack (`sigaltstack`, so the handler runs even when the fault is a stack overflow)
//! and handles `SIGSEGV`, `SIGBUS`, `SIGILL`, `SIGFPE` and `SIGABRT`. The handler only does
//! async-signal-safe things: it writes the program's complete buffered prints to stdout with
//! `write(2)` ([`crate::io::emergency_flush_stdout`]: the buffer is a static array whose length
//! is published atomically, so no allocator or lock is involved), writes
//! `molt: fatal error: <what>` to stderr, and re-raises the signal with its default action
//! (the handler is installed with `SA_RESETHAND`). The process therefore dies by the same
//! signal (status 128 + signal number in a shell: 139 for `SIGSEGV`) with the message as the
//! last line of stderr. A Rust panic (a runtime bug) flushes stdout and prints
//! `molt: fatal error: internal error: ...` from a panic hook before the process aborts.

use std::sync::atomic::{AtomicBool, Ordering};

/// Bytes of the alternate signal stack.
const ALT_STACK_SIZE: usize = 64 << 10;

/// The signals handled.
const SIGNALS: [libc::c_int; 5] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGABRT,
];

/// Set once a fatal error was reported (by the panic hook): the abort that follows a panic
/// does not print a second message.
static REPORTED: AtomicBool = AtomicBool::new(false);

/// Installs the fatal-signal handlers and the panic hook, with an alternate signal stack for
/// the calling thread. Failures (no memory for the stack) leave the defaults in place.
pub fn install() {
    // SAFETY: `mmap` of fresh anonymous memory; `sigaltstack` and `sigaction` receive fully
    // initialized structures; the handler only calls async-signal-safe functions.
    unsafe {
        let size = ALT_STACK_SIZE.max(libc::SIGSTKSZ);
        let mem = libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANON,
            -1,
            0,
        );
        if mem == libc::MAP_FAILED {
            return;
        }
        let st = libc::stack_t {
            ss_sp: mem,
            ss_flags: 0,
            ss_size: size,
        };
        if libc::sigaltstack(&st, std::ptr::null_mut()) != 0 {
            libc::munmap(mem, size);
            return;
        }
        for sig in SIGNALS {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = handler as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESETHAND;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
    std::panic::set_hook(Box::new(|info| {
        crate::io::emergency_flush_stdout();
        REPORTED.store(true, Ordering::SeqCst);
        write_err(&format!("molt: fatal error: internal error: {info}\n"));
    }));
}

/// Writes `s` to stderr with `write(2)` (async-signal-safe; errors are ignored: there is
/// nothing left to report them to).
fn write_err(s: &str) {
    let b = s.as_bytes();
    let mut done = 0;
    while done < b.len() {
        // SAFETY: `b[done..]` is valid for reads.
        let n = unsafe { libc::write(2, b[done..].as_ptr().cast(), b.len() - done) };
        if n <= 0 {
            break;
        }
        done += n as usize;
    }
}

/// What a fatal signal means, for the message (`fault` is the faulting address of a
/// `SIGSEGV`/`SIGBUS`, `stack_limit` the current thread's [`crate::recursion::stack_limit`]).
pub fn describe(sig: libc::c_int, fault: usize, stack_limit: usize) -> &'static str {
    let near_stack_end = stack_limit != 0
        && fault < stack_limit
        && fault >= stack_limit.saturating_sub(crate::recursion::STACK_MARGIN + (1 << 20));
    match sig {
        libc::SIGSEGV | libc::SIGBUS if near_stack_end => "native stack overflow",
        libc::SIGSEGV => "segmentation fault",
        libc::SIGBUS => "bus error",
        libc::SIGILL => "illegal instruction",
        libc::SIGFPE => "arithmetic fault (SIGFPE)",
        libc::SIGABRT => "aborted",
        _ => "fatal signal",
    }
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    crate::io::emergency_flush_stdout();
    if !(sig == libc::SIGABRT && REPORTED.load(Ordering::SeqCst)) {
        let fault = if info.is_null() {
            0
        } else {
            // SAFETY: the kernel passes a valid `siginfo_t` to an `SA_SIGINFO` handler.
            unsafe { fault_address(&*info) }
        };
        // A `const` thread-local without destructor: a plain TLS read, safe in a handler.
        let what = describe(sig, fault, crate::recursion::stack_limit());
        write_err("molt: fatal error: ");
        write_err(what);
        write_err("\n");
    }
    // The action is the default again (`SA_RESETHAND`): the re-raised signal (delivered at
    // the latest when the handler returns, or when the faulting instruction runs again)
    // ends the process.
    // SAFETY: `raise` is async-signal-safe.
    unsafe {
        libc::raise(sig);
    }
}

/// The faulting address of a `SIGSEGV`/`SIGBUS`.
///
/// # Safety
/// `info` must be the `siginfo_t` the kernel passed to the handler.
#[cfg(any(target_os = "linux", target_os = "android"))]
unsafe fn fault_address(info: &libc::siginfo_t) -> usize {
    // SAFETY: per the contract (the union member is the address for these signals).
    unsafe { info.si_addr() as usize }
}

/// The faulting address of a `SIGSEGV`/`SIGBUS`.
///
/// # Safety
/// `info` must be the `siginfo_t` the kernel passed to the handler.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
unsafe fn fault_address(info: &libc::siginfo_t) -> usize {
    info.si_addr as usize
}
