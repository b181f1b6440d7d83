//! Standard streams: a buffered stdout (block-buffered like CPython's when it is not a
//! terminal, flushed at exit and by `flush=True`), unbuffered stderr, line input from stdin,
//! and the methods of the `sys.stdout`/`sys.stderr`/`sys.stdin` objects.
//!
//! The program thread (the one `molt_main` runs the program on) buffers stdout in a fixed
//! static array whose filled length is an atomic, written only after the bytes are in place
//! and never reallocated: a fatal-signal handler ([`crate::fatal`]) can write out exactly the
//! complete prints with `write(2)` ([`emergency_flush_stdout`]) whatever the program was
//! doing. Other threads (the runtime's tests) buffer in a per-thread vector.
//!
//! On wasm32 the streams are WASI's file descriptors 0, 1 and 2 (`fd_read`, `fd_write`, and
//! `fd_fdstat_get` to tell a terminal: [`crate::wasi`]), buffered the same way.

use std::cell::{RefCell, UnsafeCell};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::exceptions::{ExcKind, R, raise, type_error};
use crate::object::{Args, Kind, Ref, is_kind, payload};
use crate::value::Value;

/// Bytes buffered before stdout is flushed.
const BUFFER_LIMIT: usize = 1 << 16;

struct Stdout {
    buf: Vec<u8>,
    /// When set (tests), output is kept in `buf` instead of being written.
    capture: bool,
    /// `Some(true)` when stdout is a terminal (line buffering); computed once.
    tty: Option<bool>,
    /// Whether this thread owns [`PROGRAM_STDOUT`] (then `buf` is unused).
    program: bool,
}

thread_local! {
    static STDOUT: RefCell<Stdout> = const { RefCell::new(Stdout { buf: Vec::new(), capture: false, tty: None, program: false }) };
}

/// The program thread's stdout buffer: `bytes[..len]` are complete, unwritten output.
struct ProgramStdout {
    bytes: UnsafeCell<[u8; BUFFER_LIMIT]>,
    len: AtomicUsize,
    claimed: AtomicBool,
}

// SAFETY: only the thread that claimed the buffer (`claimed`) writes `bytes`; a signal
// handler on that same thread reads `bytes[..len]`, and `len` is stored (release) only after
// those bytes are written.
unsafe impl Sync for ProgramStdout {}

static PROGRAM_STDOUT: ProgramStdout = ProgramStdout {
    bytes: UnsafeCell::new([0; BUFFER_LIMIT]),
    len: AtomicUsize::new(0),
    claimed: AtomicBool::new(false),
};

/// Makes this thread's stdout the signal-readable program buffer (the first thread to ask
/// gets it; `molt_main` asks on the program thread before anything is printed). Returns
/// whether this thread owns it.
pub fn use_program_stdout() -> bool {
    let won = PROGRAM_STDOUT
        .claimed
        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
        .is_ok();
    if won {
        STDOUT.with(|o| o.borrow_mut().program = true);
    }
    won
}

/// Appends `bytes` to the program buffer, writing the buffer out first when they do not fit.
fn program_write(bytes: &[u8]) {
    let p = &PROGRAM_STDOUT;
    let mut len = p.len.load(Ordering::Relaxed);
    if len + bytes.len() > BUFFER_LIMIT {
        program_flush();
        len = 0;
    }
    if bytes.len() > BUFFER_LIMIT {
        raw_write(1, bytes);
        return;
    }
    // SAFETY: this thread owns the buffer (see `ProgramStdout`); `len + bytes.len()` fits.
    unsafe {
        let base = p.bytes.get().cast::<u8>();
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), base.add(len), bytes.len());
    }
    p.len.store(len + bytes.len(), Ordering::Release);
}

/// Writes out the program buffer.
fn program_flush() {
    let p = &PROGRAM_STDOUT;
    let len = p.len.load(Ordering::Relaxed);
    if len == 0 {
        return;
    }
    // SAFETY: this thread owns the buffer; `bytes[..len]` were written by it.
    let bytes = unsafe { std::slice::from_raw_parts(p.bytes.get().cast::<u8>(), len) };
    raw_write(1, bytes);
    p.len.store(0, Ordering::Release);
}

/// Writes the complete buffered prints of the program thread to file descriptor 1 with
/// `write(2)` only: async-signal-safe, for the fatal-signal handler and the panic hook (the
/// buffer is then empty). A print in progress when the signal arrived is not included.
#[cfg(unix)]
pub fn emergency_flush_stdout() {
    let p = &PROGRAM_STDOUT;
    let len = p.len.load(Ordering::Acquire);
    let base = p.bytes.get().cast::<u8>().cast_const();
    let mut done = 0;
    while done < len {
        // SAFETY: `base[..len]` is initialized memory of the static buffer.
        let n = unsafe { libc::write(1, base.add(done).cast(), len - done) };
        if n > 0 {
            done += n as usize;
        } else if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        } else {
            break;
        }
    }
    p.len.store(0, Ordering::Release);
}

/// Writes the complete buffered prints of the program thread (wasm32: for the panic hook,
/// which must not touch the per-thread state a panicking write may hold).
#[cfg(target_arch = "wasm32")]
pub fn emergency_flush_stdout() {
    program_flush();
}

#[cfg(not(target_arch = "wasm32"))]
fn raw_write(fd: i32, bytes: &[u8]) {
    use std::io::Write;
    // Write errors (a closed pipe) are ignored, as CPython ignores them at exit.
    if fd == 2 {
        let _ = std::io::stderr().write_all(bytes);
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(bytes);
        let _ = out.flush();
    }
}

#[cfg(target_arch = "wasm32")]
fn raw_write(fd: i32, bytes: &[u8]) {
    // Write errors (a closed pipe) are ignored, as natively.
    let _ = crate::wasi::write_all(fd as u32, bytes);
}

#[cfg(not(target_arch = "wasm32"))]
fn stdout_is_tty() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

#[cfg(target_arch = "wasm32")]
fn stdout_is_tty() -> bool {
    crate::wasi::is_terminal(1)
}

/// Appends `s` to stdout's buffer.
pub fn write_stdout(s: &str) {
    STDOUT.with(|o| {
        let mut o = o.borrow_mut();
        let tty = *o.tty.get_or_insert_with(stdout_is_tty);
        if o.program {
            program_write(s.as_bytes());
            if tty && s.contains('\n') {
                program_flush();
            }
            return;
        }
        o.buf.extend_from_slice(s.as_bytes());
        if o.capture {
            return;
        }
        if o.buf.len() >= BUFFER_LIMIT || (tty && s.contains('\n')) {
            let bytes = std::mem::take(&mut o.buf);
            raw_write(1, &bytes);
        }
    });
}

/// [`write_stdout`] as a call of the stream's `write` method, which CPython counts as two
/// levels of recursion (`while calling a Python object`), so that `print` near the recursion
/// limit raises where CPython's does.
pub fn write_stdout_counted(s: &str) -> R<()> {
    let _levels = write_levels()?;
    write_stdout(s);
    Ok(())
}

/// The two recursion levels of a stream `write` call (see [`write_stdout_counted`]).
fn write_levels() -> R<[crate::recursion::Depth; 2]> {
    let first = crate::recursion::enter(crate::recursion::IN_CALL)?;
    let second = crate::recursion::enter(crate::recursion::IN_CALL)?;
    Ok([first, second])
}

/// Writes everything buffered for stdout.
pub fn flush_stdout() {
    STDOUT.with(|o| {
        if o.borrow().program {
            program_flush();
            return;
        }
        if o.borrow().capture {
            return;
        }
        let bytes = std::mem::take(&mut o.borrow_mut().buf);
        if !bytes.is_empty() {
            raw_write(1, &bytes);
        }
    });
}

/// Starts keeping this thread's stdout in memory (for tests); see [`take_captured`].
pub fn capture_stdout() {
    STDOUT.with(|o| o.borrow_mut().capture = true);
}

/// The stdout captured since the last call (see [`capture_stdout`]).
pub fn take_captured() -> String {
    STDOUT.with(|o| String::from_utf8_lossy(&std::mem::take(&mut o.borrow_mut().buf)).into_owned())
}

/// Writes `s` to stderr (unbuffered).
pub fn write_stderr(s: &str) {
    raw_write(2, s.as_bytes());
}

/// Writes `s` to file descriptor `fd` (1 = stdout, 2 = stderr).
pub fn write_fd(fd: i32, s: &str) {
    if fd == 2 {
        write_stderr(s)
    } else {
        write_stdout(s)
    }
}

/// Reads one line from stdin (with its newline), or `None` at end of input.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line),
    }
}

/// Reads one line from stdin (with its newline), or `None` at end of input (WASI `fd_read`).
#[cfg(target_arch = "wasm32")]
pub fn read_line() -> Option<String> {
    crate::wasi::read_line()
}

/// The file descriptor of a stream object.
pub fn file_fd(v: Value) -> i32 {
    // SAFETY: callers check the kind.
    unsafe { *payload::<i32>(v) }
}

/// Writes `s` to `file` (a stream object, or any object with a `write` method).
pub fn write_to(file: Value, s: &str) -> R<()> {
    if is_kind(file, Kind::File) {
        let _levels = write_levels()?;
        write_fd(file_fd(file), s);
        return Ok(());
    }
    let text = crate::str::str_from(s);
    let name = crate::str::str_intern("write");
    crate::call::call_method(file, name, Args::positional(&[text.v()]))?;
    Ok(())
}

fn recv_file(recv: Value) -> R<i32> {
    if is_kind(recv, Kind::File) {
        Ok(file_fd(recv))
    } else {
        type_error("descriptor requires a file object")
    }
}

fn m_write(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    let [s] = args.exact("write")?;
    let Some(text) = crate::str::str_opt(s) else {
        return type_error(format!(
            "write() argument must be str, not {}",
            crate::class::type_name(s)
        ));
    };
    if fd == 0 {
        return raise(ExcKind::OSError, "not writable");
    }
    let _levels = write_levels()?;
    write_fd(fd, text);
    Ok(crate::int::int_from_i64(text.chars().count() as i64))
}

fn m_flush(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("flush")?;
    if fd == 1 {
        flush_stdout();
    }
    Ok(Ref::NONE)
}

fn m_readline(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_file(recv)?;
    args.none("readline")?;
    flush_stdout();
    Ok(crate::str::str_from_owned(read_line().unwrap_or_default()))
}

fn m_isatty(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("isatty")?;
    Ok(Ref::new(Value::from_bool(fd == 1 && stdout_is_tty())))
}

fn m_fileno(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("fileno")?;
    Ok(crate::int::int_from_i64(fd as i64))
}

/// Methods of the stream objects.
pub const FILE_METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("write", m_write),
    ("flush", m_flush),
    ("readline", m_readline),
    ("isatty", m_isatty),
    ("fileno", m_fileno),
];
