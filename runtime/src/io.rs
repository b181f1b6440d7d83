//! Standard streams: a buffered stdout (block-buffered like CPython's when it is not a
//! terminal, flushed at exit and by `flush=True`), unbuffered stderr, line input from stdin,
//! and the methods of the `sys.stdout`/`sys.stderr`/`sys.stdin` objects.
//!
//! On wasm32 output is discarded for now (the WASM target gets its own host bindings later).

use std::cell::RefCell;

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
}

thread_local! {
    static STDOUT: RefCell<Stdout> = const { RefCell::new(Stdout { buf: Vec::new(), capture: false, tty: None }) };
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
fn raw_write(_fd: i32, _bytes: &[u8]) {}

#[cfg(not(target_arch = "wasm32"))]
fn stdout_is_tty() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

#[cfg(target_arch = "wasm32")]
fn stdout_is_tty() -> bool {
    false
}

/// Appends `s` to stdout's buffer.
pub fn write_stdout(s: &str) {
    STDOUT.with(|o| {
        let mut o = o.borrow_mut();
        let tty = *o.tty.get_or_insert_with(stdout_is_tty);
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

/// Writes everything buffered for stdout.
pub fn flush_stdout() {
    STDOUT.with(|o| {
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

/// Reads one line from stdin (always end of input on wasm32 for now).
#[cfg(target_arch = "wasm32")]
pub fn read_line() -> Option<String> {
    None
}

/// The file descriptor of a stream object.
pub fn file_fd(v: Value) -> i32 {
    // SAFETY: callers check the kind.
    unsafe { *payload::<i32>(v) }
}

/// Writes `s` to `file` (a stream object, or any object with a `write` method).
pub fn write_to(file: Value, s: &str) -> R<()> {
    if is_kind(file, Kind::File) {
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
