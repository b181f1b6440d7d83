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

/// Text read from stdin and not consumed yet: `text[start..]`, decoded from UTF-8 as the
/// bytes arrive; `carry` holds the first bytes of a character split between two reads.
/// Every stdin reader (`input()`, the `sys.stdin` methods, iteration) takes from this one
/// buffer, so they can be mixed as in CPython. Input that is not UTF-8 sets `invalid`
/// (its bytes are replaced by U+FFFD in `text`, which no reader returns: see
/// [`with_stdin`]).
struct StdinBuf {
    text: String,
    start: usize,
    carry: Vec<u8>,
    eof: bool,
    invalid: bool,
}

thread_local! {
    static STDIN: RefCell<StdinBuf> = const {
        RefCell::new(StdinBuf {
            text: String::new(),
            start: 0,
            carry: Vec::new(),
            eof: false,
            invalid: false,
        })
    };
}

/// Runs `f` on the stdin buffer. Errors: a `molt:` `NotImplementedError` once stdin gave
/// bytes that are not UTF-8, where CPython's reader raises `UnicodeDecodeError` (at a
/// position that depends on its buffering) or, with `surrogateescape`, returns text with
/// lone surrogates, which molt's str cannot hold.
fn with_stdin<T>(f: impl FnOnce(&mut StdinBuf) -> T) -> R<T> {
    let (r, invalid) = STDIN.with(|b| {
        let mut b = b.borrow_mut();
        let r = f(&mut b);
        (r, b.invalid)
    });
    if invalid {
        return raise(
            ExcKind::NotImplementedError,
            "molt: reading stdin that is not valid UTF-8 is not supported yet",
        );
    }
    Ok(r)
}

/// Bytes asked of the host per read of stdin.
const STDIN_CHUNK: usize = 1 << 16;

/// Reads up to `buf.len()` bytes of stdin; 0 at end of input (or on an error).
#[cfg(not(target_arch = "wasm32"))]
fn read_stdin_chunk(buf: &mut [u8]) -> usize {
    use std::io::Read;
    loop {
        match std::io::stdin().lock().read(buf) {
            Ok(n) => return n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return 0,
        }
    }
}

/// Reads up to `buf.len()` bytes of stdin (WASI `fd_read`); 0 at end of input.
#[cfg(target_arch = "wasm32")]
fn read_stdin_chunk(buf: &mut [u8]) -> usize {
    crate::wasi::read(0, buf).unwrap_or(0)
}

/// The byte offset in `s` after its first `n` chars, or `None` when `s` has fewer.
fn char_end(s: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    s.char_indices().nth(n - 1).map(|(i, c)| i + c.len_utf8())
}

impl StdinBuf {
    fn avail(&self) -> &str {
        &self.text[self.start..]
    }

    /// Consumes the first `n` bytes (a char boundary) of the available text.
    fn take(&mut self, n: usize) -> String {
        let s = self.text[self.start..self.start + n].to_string();
        self.start += n;
        s
    }

    /// Reads one more chunk from stdin into `text` (sets `eof` at end of input).
    fn fill(&mut self) {
        if self.eof {
            return;
        }
        if self.start > 0 && self.start * 2 >= self.text.len() {
            self.text.drain(..self.start);
            self.start = 0;
        }
        let mut chunk = vec![0u8; STDIN_CHUNK];
        let n = read_stdin_chunk(&mut chunk);
        let mut bytes = std::mem::take(&mut self.carry);
        if n == 0 {
            self.eof = true;
            if !bytes.is_empty() {
                // A character cut short by the end of input.
                self.invalid = true;
                self.text.push_str(&String::from_utf8_lossy(&bytes));
            }
            return;
        }
        bytes.extend_from_slice(&chunk[..n]);
        let mut rest: &[u8] = &bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    self.text.push_str(s);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // SAFETY: `valid_up_to` bytes are valid UTF-8.
                    self.text
                        .push_str(unsafe { std::str::from_utf8_unchecked(good) });
                    match e.error_len() {
                        Some(len) => {
                            self.invalid = true;
                            self.text.push('\u{FFFD}');
                            rest = &bad[len..];
                        }
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        self.carry = rest.to_vec();
    }

    /// One line with its `\n` (the last one may have none), at most `limit` chars; `""` at
    /// end of input.
    fn line(&mut self, limit: Option<usize>) -> String {
        let mut scanned = 0;
        loop {
            let avail = self.avail();
            let newline = avail[scanned..].find('\n').map(|p| scanned + p + 1);
            let capped = limit.and_then(|n| char_end(avail, n));
            let end = match (newline, capped) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if let Some(end) = end {
                return self.take(end);
            }
            if self.eof {
                let n = avail.len();
                return self.take(n);
            }
            scanned = avail.len();
            self.fill();
        }
    }

    /// `n` chars (all the rest for `None`), fewer at end of input.
    fn read(&mut self, n: Option<usize>) -> String {
        let (mut seen_bytes, mut seen_chars) = (0, 0);
        loop {
            let avail = self.avail();
            if let Some(n) = n {
                let fresh = &avail[seen_bytes..];
                if let Some(end) = char_end(fresh, n - seen_chars) {
                    return self.take(seen_bytes + end);
                }
                seen_chars += fresh.chars().count();
                seen_bytes = avail.len();
            }
            if self.eof {
                let all = avail.len();
                return self.take(all);
            }
            self.fill();
        }
    }
}

/// Reads one line from stdin (with its newline), or `None` at end of input. Errors: see
/// [`with_stdin`].
pub fn read_line() -> R<Option<String>> {
    let line = with_stdin(|b| b.line(None))?;
    Ok((!line.is_empty()).then_some(line))
}

/// The file descriptor of a stream object.
pub fn file_fd(v: Value) -> i32 {
    // SAFETY: callers check the kind.
    unsafe { *payload::<i32>(v) }
}

/// Writes `s` to `file` (a stream object, or any object with a `write` method).
pub fn write_to(file: Value, s: &str) -> R<()> {
    if is_kind(file, Kind::File) {
        if file_fd(file) == 0 {
            return unsupported_operation("not writable");
        }
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

/// The `io.UnsupportedOperation` CPython raises for reading stdout/stderr or writing stdin,
/// which molt does not have (a `molt:` error instead).
fn unsupported_operation<T>(what: &str) -> R<T> {
    raise(
        ExcKind::NotImplementedError,
        format!("molt: io.UnsupportedOperation is not supported yet ({what})"),
    )
}

/// The receiver of a reading method: stdin. Stdout is flushed first (molt writes the
/// buffered prints before it waits for input).
fn recv_reader(recv: Value) -> R<()> {
    if recv_file(recv)? != 0 {
        return unsupported_operation("not readable");
    }
    flush_stdout();
    Ok(())
}

fn m_write(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    let [s] = args.exact("write")?;
    write_text(fd, s)
}

fn write_text(fd: i32, s: Value) -> R<Ref> {
    let Some(text) = crate::str::str_opt(s) else {
        return type_error(format!(
            "write() argument must be str, not {}",
            crate::class::type_name(s)
        ));
    };
    if fd == 0 {
        return unsupported_operation("not writable");
    }
    let _levels = write_levels()?;
    write_fd(fd, text);
    Ok(crate::int::int_from_i64(text.chars().count() as i64))
}

fn m_writelines(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    // CPython's `writelines` is `_IOBase`'s, and its argument errors say so.
    let [lines] = args.exact("_IOBase.writelines")?;
    let it = crate::iter::py_iter(lines)?;
    while let Some(line) = crate::iter::py_next(it.v())? {
        write_text(fd, line.v())?;
    }
    Ok(Ref::NONE)
}

fn m_flush(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("flush")?;
    if fd == 1 {
        flush_stdout();
    }
    Ok(Ref::NONE)
}

/// A size argument of `read`/`readlines` (CPython's `_Py_convert_optional_to_ssize_t`):
/// `None` or an index; `None` for a negative one (no limit).
fn optional_size(v: Option<Value>) -> R<Option<usize>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if !crate::int::has_index(v) {
        return type_error(format!(
            "argument should be integer or None, not '{}'",
            crate::class::type_name(v)
        ));
    }
    let n = crate::int::as_ssize(v, Some(ExcKind::OverflowError))?;
    Ok((n >= 0).then_some(n as usize))
}

fn m_readline(recv: Value, args: Args<'_>) -> R<Ref> {
    let [size] = args.range::<1>("readline", 0)?;
    // CPython's `readline` takes an index only (`None` is a TypeError).
    let limit = match size {
        Some(v) => {
            let n = crate::int::as_ssize(v, Some(ExcKind::OverflowError))?;
            (n >= 0).then_some(n as usize)
        }
        None => None,
    };
    recv_reader(recv)?;
    Ok(crate::str::str_from_owned(with_stdin(|b| b.line(limit))?))
}

fn m_read(recv: Value, args: Args<'_>) -> R<Ref> {
    let [size] = args.range::<1>("read", 0)?;
    let n = optional_size(size)?;
    recv_reader(recv)?;
    Ok(crate::str::str_from_owned(with_stdin(|b| b.read(n))?))
}

fn m_readlines(recv: Value, args: Args<'_>) -> R<Ref> {
    args.no_kw("_IOBase.readlines")?;
    let [hint] = args.range::<1>("readlines", 0)?;
    let hint = optional_size(hint)?.filter(|&h| h > 0);
    recv_reader(recv)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = with_stdin(|b| b.line(None))?;
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(crate::str::str_from_owned(line));
        // CPython's `IOBase.readlines`: the line that takes the total past the hint is the
        // last one.
        if hint.is_some_and(|h| total > h) {
            break;
        }
    }
    Ok(crate::list::list_from_vec(lines))
}

/// `next(sys.stdin)`: the next line, `None` at end of input.
pub fn file_next(f: Value) -> R<Option<Ref>> {
    recv_reader(f)?;
    let line = with_stdin(|b| b.line(None))?;
    Ok((!line.is_empty()).then(|| crate::str::str_from_owned(line)))
}

fn m_iter(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_file(recv)?;
    args.none("__iter__")?;
    Ok(Ref::dup(recv))
}

fn m_next(recv: Value, args: Args<'_>) -> R<Ref> {
    recv_file(recv)?;
    args.none("__next__")?;
    match file_next(recv)? {
        Some(line) => Ok(line),
        None => crate::exceptions::raise_with(ExcKind::StopIteration, Vec::new()),
    }
}

/// Whether file descriptor `fd` (0, 1 or 2) is a terminal.
#[cfg(not(target_arch = "wasm32"))]
fn fd_is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => stdout_is_tty(),
        _ => std::io::stderr().is_terminal(),
    }
}

/// Whether file descriptor `fd` (0, 1 or 2) is a terminal.
#[cfg(target_arch = "wasm32")]
fn fd_is_tty(fd: i32) -> bool {
    crate::wasi::is_terminal(fd as u32)
}

fn m_isatty(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("isatty")?;
    Ok(Ref::new(Value::from_bool(fd_is_tty(fd))))
}

fn m_readable(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("readable")?;
    Ok(Ref::new(Value::from_bool(fd == 0)))
}

fn m_writable(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("writable")?;
    Ok(Ref::new(Value::from_bool(fd != 0)))
}

fn m_fileno(recv: Value, args: Args<'_>) -> R<Ref> {
    let fd = recv_file(recv)?;
    args.none("fileno")?;
    Ok(crate::int::int_from_i64(fd as i64))
}

/// Whether CPython would run unbuffered (`PYTHONUNBUFFERED` set to a non-empty value; molt
/// has no `-u`): then its streams are `write_through` and none is `line_buffering`.
fn unbuffered() -> bool {
    env_var("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty())
}

/// The environment variable `name` of the process (`None` when unset or not UTF-8).
fn env_var(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return crate::wasi::env_var(name);
    #[cfg(not(target_arch = "wasm32"))]
    std::env::var(name).ok()
}

/// The `errors` CPython 3.11 gives stdin and stdout: `surrogateescape` in UTF-8 mode
/// (`PYTHONUTF8=1`) and in the C, POSIX and C.UTF-8 locales (the effective `LC_CTYPE`: the
/// first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set), else `strict`. A locale the system
/// does not have is the C locale to CPython (natively, `setlocale` answers; on wasm32 the
/// name is taken as given). `Err` (a `molt:` error) when `PYTHONIOENCODING` chooses them.
fn stdio_errors() -> R<&'static str> {
    if env_var("PYTHONIOENCODING").is_some_and(|v| !v.is_empty()) {
        return raise(
            ExcKind::NotImplementedError,
            "molt: the encoding and errors of the standard streams under PYTHONIOENCODING are not supported yet",
        );
    }
    if env_var("PYTHONUTF8").is_some_and(|v| v == "1") {
        return Ok("surrogateescape");
    }
    let c_like = |name: &str| matches!(name, "" | "C" | "POSIX" | "C.UTF-8" | "C.utf8");
    Ok(if c_like(&effective_ctype()) {
        "surrogateescape"
    } else {
        "strict"
    })
}

/// The name of the `LC_CTYPE` locale the environment selects, as `setlocale(LC_CTYPE, "")`
/// resolves it (`C` when the system lacks it); the previous locale is restored.
#[cfg(not(target_arch = "wasm32"))]
fn effective_ctype() -> String {
    // SAFETY: `setlocale` with valid C strings; the previous name is copied before the next
    // call; the program is single-threaded where it runs (the program thread).
    unsafe {
        let old = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        let old = (!old.is_null()).then(|| std::ffi::CStr::from_ptr(old).to_owned());
        let chosen = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let name = if chosen.is_null() {
            "C".to_string()
        } else {
            std::ffi::CStr::from_ptr(chosen)
                .to_string_lossy()
                .into_owned()
        };
        if let Some(old) = old {
            libc::setlocale(libc::LC_CTYPE, old.as_ptr());
        }
        name
    }
}

/// The name of the `LC_CTYPE` locale the environment selects (see the native version).
#[cfg(target_arch = "wasm32")]
fn effective_ctype() -> String {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| env_var(k))
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

/// The data attributes of `sys.stdin`/`sys.stdout`/`sys.stderr` (`None`: not one of them;
/// the other attributes CPython's `TextIOWrapper` has raise `molt:` errors, see
/// [`crate::cpython_attrs`]).
pub fn file_getattr(o: Value, name: &str) -> R<Option<Ref>> {
    let fd = file_fd(o);
    let s = |t: &str| Ok(Some(crate::str::str_from(t)));
    let b = |x: bool| Ok(Some(Ref::new(Value::from_bool(x))));
    match name {
        "name" => s(match fd {
            0 => "<stdin>",
            1 => "<stdout>",
            _ => "<stderr>",
        }),
        "mode" => s(if fd == 0 { "r" } else { "w" }),
        "encoding" => {
            stdio_errors()?;
            s("utf-8")
        }
        "errors" => {
            let errors = stdio_errors()?;
            s(if fd == 2 { "backslashreplace" } else { errors })
        }
        "closed" => b(false),
        "newlines" => Ok(Some(Ref::NONE)),
        "write_through" => b(unbuffered()),
        "line_buffering" => b(!unbuffered() && (fd == 2 || fd_is_tty(fd))),
        _ => Ok(None),
    }
}

/// Methods of the stream objects.
pub const FILE_METHODS: &[(&str, crate::object::BuiltinFn)] = &[
    ("write", m_write),
    ("writelines", m_writelines),
    ("flush", m_flush),
    ("read", m_read),
    ("readline", m_readline),
    ("readlines", m_readlines),
    ("isatty", m_isatty),
    ("readable", m_readable),
    ("writable", m_writable),
    ("fileno", m_fileno),
    ("__iter__", m_iter),
    ("__next__", m_next),
];
