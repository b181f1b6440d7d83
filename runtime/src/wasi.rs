//! WASI preview 1 host bindings (wasm32 only): what the runtime needs from the host, declared
//! by hand (no crate), with safe wrappers.
//!
//! On `wasm32-unknown-unknown` Rust's standard library has no operating system: output goes
//! nowhere, stdin is empty, and the clock, the environment, sleeping and random data panic or
//! fail. A compiled program is a WASI preview 1 command module instead, so the runtime asks
//! the host through these imports of the module `wasi_snapshot_preview1`:
//!
//! | import | used for |
//! |---|---|
//! | `fd_write` | stdout, stderr (`print`, `sys.stdout.write`, tracebacks, fatal errors) |
//! | `fd_read` | stdin (`input()`, `sys.stdin`'s reading methods and iteration) |
//! | `fd_fdstat_get` | whether a standard stream is a terminal (line buffering, `isatty()`) |
//! | `proc_exit` | a non-zero exit status (`sys.exit(n)`, an uncaught exception); status 0 returns from `_start` |
//! | `args_sizes_get`, `args_get` | `sys.argv` |
//! | `environ_sizes_get`, `environ_get` | `os.environ`, `MOLT_PROFILE*` |
//! | `clock_time_get` | `time.time` (realtime, id 0), `time.perf_counter`/`monotonic` (id 1), `time.process_time` (id 2) |
//! | `poll_oneoff` | `time.sleep` (one relative clock subscription) |
//! | `random_get` | random seeds, `_random.urandom_int` |
//!
//! The layouts and numbers are those of the preview 1 specification
//! (`wasi_snapshot_preview1.witx`): sizes and pointers are `u32`, errno a `u16` returned as
//! an `i32`, 0 on success.

use std::cell::RefCell;

/// The raw imports. Every function returns a WASI errno (0: success) unless stated.
mod sys {
    /// A buffer to write (`ciovec`: address and length, 8 bytes).
    #[repr(C)]
    pub struct Ciovec {
        pub buf: *const u8,
        pub len: usize,
    }

    /// A buffer to read into (`iovec`).
    #[repr(C)]
    pub struct Iovec {
        pub buf: *mut u8,
        pub len: usize,
    }

    /// `subscription` with a `clock` member (48 bytes): userdata (0), the union's tag
    /// (`eventtype`, 8; 0 = clock), and at 16 the clock id (`u32`), timeout (`u64`, 24),
    /// precision (`u64`, 32) and flags (`u16`, 40; 0 = relative timeout).
    #[repr(C)]
    pub struct ClockSubscription {
        pub userdata: u64,
        pub tag: u8,
        pub pad: [u8; 7],
        pub id: u32,
        pub pad2: u32,
        pub timeout: u64,
        pub precision: u64,
        pub flags: u16,
        pub pad3: [u8; 6],
    }

    /// `event` (32 bytes): userdata, error (`u16`), type (`u8`), and the `fd_readwrite`
    /// member (unused for clocks).
    #[repr(C)]
    pub struct Event {
        pub userdata: u64,
        pub error: u16,
        pub kind: u8,
        pub pad: [u8; 5],
        pub nbytes: u64,
        pub flags: u16,
        pub pad2: [u8; 6],
    }

    /// `fdstat` (24 bytes): file type (`u8`, 0), flags (`u16`, 2), base and inheriting
    /// rights (`u64`, 8 and 16).
    #[repr(C)]
    pub struct Fdstat {
        pub filetype: u8,
        pub pad: u8,
        pub flags: u16,
        pub pad2: u32,
        pub rights_base: u64,
        pub rights_inheriting: u64,
    }

    /// `prestat`: a preopened directory (tag 0) and the length of its name.
    #[repr(C)]
    pub struct Prestat {
        /// 0: a directory.
        pub tag: u8,
        /// Bytes of the directory's name.
        pub name_len: usize,
    }

    const _: () = {
        assert!(std::mem::size_of::<Prestat>() == 8);
        assert!(std::mem::size_of::<Fdstat>() == 24);
        assert!(std::mem::offset_of!(Fdstat, rights_base) == 8);
        assert!(std::mem::size_of::<Ciovec>() == 8);
        assert!(std::mem::size_of::<ClockSubscription>() == 48);
        assert!(std::mem::offset_of!(ClockSubscription, id) == 16);
        assert!(std::mem::offset_of!(ClockSubscription, timeout) == 24);
        assert!(std::mem::offset_of!(ClockSubscription, flags) == 40);
        assert!(std::mem::size_of::<Event>() == 32);
    };

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        /// Writes the `iovs_len` buffers of `iovs` to `fd`; the count written at `nwritten`.
        #[link_name = "fd_write"]
        pub fn fd_write(fd: u32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize)
        -> i32;
        /// Reads into the `iovs_len` buffers of `iovs` from `fd`; the count read at `nread`.
        #[link_name = "fd_read"]
        pub fn fd_read(fd: u32, iovs: *const Iovec, iovs_len: usize, nread: *mut usize) -> i32;
        /// The type, flags and rights of `fd` at `stat`.
        #[link_name = "fd_fdstat_get"]
        pub fn fd_fdstat_get(fd: u32, stat: *mut Fdstat) -> i32;
        /// Ends the process with status `code`; does not return.
        #[link_name = "proc_exit"]
        pub fn proc_exit(code: u32) -> !;
        /// The number of arguments and the bytes their NUL-terminated texts take.
        #[link_name = "args_sizes_get"]
        pub fn args_sizes_get(argc: *mut usize, argv_buf_size: *mut usize) -> i32;
        /// Fills `argv` (one pointer per argument) and `argv_buf` (the texts).
        #[link_name = "args_get"]
        pub fn args_get(argv: *mut *mut u8, argv_buf: *mut u8) -> i32;
        /// The number of environment entries and the bytes of their `NAME=value\0` texts.
        #[link_name = "environ_sizes_get"]
        pub fn environ_sizes_get(count: *mut usize, buf_size: *mut usize) -> i32;
        /// Fills `environ` (one pointer per entry) and `environ_buf` (the texts).
        #[link_name = "environ_get"]
        pub fn environ_get(environ: *mut *mut u8, environ_buf: *mut u8) -> i32;
        /// The time of clock `id` in nanoseconds at `time`.
        #[link_name = "clock_time_get"]
        pub fn clock_time_get(id: u32, precision: u64, time: *mut u64) -> i32;
        /// Waits for the subscriptions; the events that happened at `out`.
        #[link_name = "poll_oneoff"]
        pub fn poll_oneoff(
            subscriptions: *const ClockSubscription,
            out: *mut Event,
            nsubscriptions: usize,
            nevents: *mut usize,
        ) -> i32;
        /// Fills `len` bytes at `buf` with random data.
        #[link_name = "random_get"]
        pub fn random_get(buf: *mut u8, len: usize) -> i32;
        /// Whether `fd` is a preopened directory; its name's length at `prestat`.
        #[link_name = "fd_prestat_get"]
        pub fn fd_prestat_get(fd: u32, prestat: *mut Prestat) -> i32;
        /// The name of the preopened directory `fd` (`len` bytes, no NUL) at `path`.
        #[link_name = "fd_prestat_dir_name"]
        pub fn fd_prestat_dir_name(fd: u32, path: *mut u8, len: usize) -> i32;
        /// Opens `path` (relative to the directory `dirfd`); the new descriptor at `fd`.
        #[link_name = "path_open"]
        pub fn path_open(
            dirfd: u32,
            dirflags: u32,
            path: *const u8,
            path_len: usize,
            oflags: u16,
            rights_base: u64,
            rights_inheriting: u64,
            fdflags: u16,
            fd: *mut u32,
        ) -> i32;
        /// Closes `fd`.
        #[link_name = "fd_close"]
        pub fn fd_close(fd: u32) -> i32;
        /// Renames `old` (relative to `old_fd`) to `new` (relative to `new_fd`).
        #[link_name = "path_rename"]
        pub fn path_rename(
            old_fd: u32,
            old: *const u8,
            old_len: usize,
            new_fd: u32,
            new: *const u8,
            new_len: usize,
        ) -> i32;
        /// Removes the file `path` (relative to `fd`).
        #[link_name = "path_unlink_file"]
        pub fn path_unlink_file(fd: u32, path: *const u8, path_len: usize) -> i32;
    }
}

/// WASI errno `intr`: the call was interrupted (retried).
const ERRNO_INTR: i32 = 27;
/// WASI errno `again`: try again (retried for writes).
const ERRNO_AGAIN: i32 = 6;

/// Writes all of `bytes` to file descriptor `fd` (1 stdout, 2 stderr), calling `fd_write`
/// again after a partial write. Returns false when the host reports an error (a closed
/// pipe; the rest is dropped, as CPython drops output it cannot write at exit).
pub fn write_all(fd: u32, mut bytes: &[u8]) -> bool {
    while !bytes.is_empty() {
        let iov = sys::Ciovec {
            buf: bytes.as_ptr(),
            len: bytes.len(),
        };
        let mut written = 0usize;
        // SAFETY: one valid buffer descriptor; `written` is a valid out-parameter.
        let errno = unsafe { sys::fd_write(fd, &iov, 1, &mut written) };
        match errno {
            0 if written > 0 => bytes = &bytes[written.min(bytes.len())..],
            ERRNO_INTR | ERRNO_AGAIN => {}
            _ => return false,
        }
    }
    true
}

/// Reads at most `buf.len()` bytes from `fd` into `buf`: the count (0 at end of input), or
/// `None` on an error.
pub fn read(fd: u32, buf: &mut [u8]) -> Option<usize> {
    loop {
        let iov = sys::Iovec {
            buf: buf.as_mut_ptr(),
            len: buf.len(),
        };
        let mut n = 0usize;
        // SAFETY: one valid buffer descriptor; `n` is a valid out-parameter.
        let errno = unsafe { sys::fd_read(fd, &iov, 1, &mut n) };
        match errno {
            0 => return Some(n.min(buf.len())),
            ERRNO_INTR => continue,
            _ => return None,
        }
    }
}

/// Whether `fd` is a terminal: a character device that cannot seek or tell (the test of
/// wasi-libc's `isatty`; rights bits `fd_seek` = 1 << 2, `fd_tell` = 1 << 5).
pub fn is_terminal(fd: u32) -> bool {
    const CHARACTER_DEVICE: u8 = 2;
    const SEEK_OR_TELL: u64 = (1 << 2) | (1 << 5);
    let mut stat = sys::Fdstat {
        filetype: 0,
        pad: 0,
        flags: 0,
        pad2: 0,
        rights_base: 0,
        rights_inheriting: 0,
    };
    // SAFETY: a valid out-parameter.
    let ok = unsafe { sys::fd_fdstat_get(fd, &mut stat) } == 0;
    ok && stat.filetype == CHARACTER_DEVICE && stat.rights_base & SEEK_OR_TELL == 0
}

/// Ends the process with exit status `code` (`proc_exit`).
pub fn exit(code: i32) -> ! {
    // SAFETY: `proc_exit` takes any status and does not return.
    unsafe { sys::proc_exit(code as u32) }
}

/// Reads a list of NUL-terminated texts through a `*_sizes_get`/`*_get` pair (lossy UTF-8;
/// `not_utf8` runs when one is not UTF-8).
fn texts(
    sizes: unsafe extern "C" fn(*mut usize, *mut usize) -> i32,
    get: unsafe extern "C" fn(*mut *mut u8, *mut u8) -> i32,
    not_utf8: fn(),
) -> Vec<String> {
    let (mut count, mut size) = (0usize, 0usize);
    // SAFETY: two valid out-parameters.
    if unsafe { sizes(&mut count, &mut size) } != 0 || count == 0 {
        return Vec::new();
    }
    let mut ptrs: Vec<*mut u8> = vec![std::ptr::null_mut(); count];
    let mut buf = vec![0u8; size.max(1)];
    // SAFETY: the host writes `count` pointers into `ptrs` and `size` bytes into `buf`, the
    // sizes it reported.
    if unsafe { get(ptrs.as_mut_ptr(), buf.as_mut_ptr()) } != 0 {
        return Vec::new();
    }
    let base = buf.as_ptr() as usize;
    ptrs.iter()
        .filter_map(|&p| {
            let start = (p as usize).checked_sub(base)?;
            let rest = buf.get(start..)?;
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            if std::str::from_utf8(&rest[..end]).is_err() {
                not_utf8();
            }
            Some(String::from_utf8_lossy(&rest[..end]).into_owned())
        })
        .collect()
}

/// The program's arguments (`args_get`; the first is the program name), lossy UTF-8 (see
/// `crate::modules::note_argv_not_utf8`).
pub fn args() -> Vec<String> {
    texts(
        sys::args_sizes_get,
        sys::args_get,
        crate::modules::note_argv_not_utf8,
    )
}

thread_local! {
    /// The environment: read from the host on first use, then changed by `os.putenv` and
    /// `os.unsetenv` (WASI has no call to change the host's).
    static ENV: RefCell<Option<Vec<(String, String)>>> = const { RefCell::new(None) };
}

fn with_env<T>(f: impl FnOnce(&mut Vec<(String, String)>) -> T) -> T {
    ENV.with(|env| {
        let mut env = env.borrow_mut();
        let vars = env.get_or_insert_with(|| {
            texts(sys::environ_sizes_get, sys::environ_get, || {
                ENV_NOT_UTF8.store(true, std::sync::atomic::Ordering::Relaxed)
            })
            .into_iter()
            .map(|entry| match entry.split_once('=') {
                Some((k, v)) => (k.to_owned(), v.to_owned()),
                None => (entry, String::new()),
            })
            .collect()
        });
        f(vars)
    })
}

/// The environment as `(name, value)` pairs, in the host's order.
pub fn env_vars() -> Vec<(String, String)> {
    with_env(|vars| vars.clone())
}

/// Set when an entry of the host's environment is not UTF-8 (its text is lossy).
static ENV_NOT_UTF8: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether an entry of the host's environment was not UTF-8 (read after [`env_vars`]).
pub fn env_not_utf8() -> bool {
    ENV_NOT_UTF8.load(std::sync::atomic::Ordering::Relaxed)
}

/// The value of environment variable `name`.
pub fn env_var(name: &str) -> Option<String> {
    with_env(|vars| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
}

/// Sets environment variable `name` to `value` (for this process only).
pub fn set_env_var(name: &str, value: &str) {
    with_env(|vars| match vars.iter_mut().find(|(k, _)| k == name) {
        Some(entry) => entry.1 = value.to_owned(),
        None => vars.push((name.to_owned(), value.to_owned())),
    })
}

/// Removes environment variable `name` (for this process only).
pub fn remove_env_var(name: &str) {
    with_env(|vars| vars.retain(|(k, _)| k != name))
}

/// WASI clock ids.
pub mod clock {
    /// Wall-clock time since the Unix epoch.
    pub const REALTIME: u32 = 0;
    /// A clock that never goes back (arbitrary origin).
    pub const MONOTONIC: u32 = 1;
    /// CPU time of the process.
    pub const PROCESS_CPUTIME: u32 = 2;
}

/// The time of clock `id` ([`clock`]) in nanoseconds, or `None` when the host does not
/// provide that clock.
pub fn clock_ns(id: u32) -> Option<u64> {
    let mut t = 0u64;
    // SAFETY: a valid out-parameter.
    (unsafe { sys::clock_time_get(id, 1, &mut t) } == 0).then_some(t)
}

/// Fills `buf` with random bytes from the host; false when it cannot.
pub fn random_fill(buf: &mut [u8]) -> bool {
    // WASI hosts may limit one request; 256 bytes at a time is accepted everywhere.
    buf.chunks_mut(256).all(|chunk| {
        // SAFETY: `chunk` is valid for writes of its length.
        unsafe { sys::random_get(chunk.as_mut_ptr(), chunk.len()) == 0 }
    })
}

/// Blocks for `ns` nanoseconds (`poll_oneoff` on a relative monotonic clock timeout).
/// Returns false when the host refused.
pub fn sleep_ns(ns: u64) -> bool {
    let sub = sys::ClockSubscription {
        userdata: 0,
        tag: 0,
        pad: [0; 7],
        id: clock::MONOTONIC,
        pad2: 0,
        timeout: ns,
        precision: 0,
        flags: 0,
        pad3: [0; 6],
    };
    let mut event = sys::Event {
        userdata: 0,
        error: 0,
        kind: 0,
        pad: [0; 5],
        nbytes: 0,
        flags: 0,
        pad2: [0; 6],
    };
    let mut n = 0usize;
    // SAFETY: one subscription, room for one event, a valid out-parameter.
    unsafe { sys::poll_oneoff(&sub, &mut event, 1, &mut n) == 0 }
}

/// The preopened directory whose name is the longest prefix of the folder `dir` (an
/// absolute path), and `dir`'s path relative to it. The host (`tools/run-wasm.mjs`)
/// preopens a folder under its own path, so host paths name files inside it.
fn preopen_for(dir: &str) -> Option<(u32, String)> {
    let mut best: Option<(u32, String)> = None;
    for fd in 3u32..64 {
        let mut stat = sys::Prestat {
            tag: 1,
            name_len: 0,
        };
        // SAFETY: `stat` is a valid `prestat` for the host to fill.
        if unsafe { sys::fd_prestat_get(fd, &mut stat) } != 0 {
            break; // descriptors are numbered densely: the first that is not one ends them
        }
        if stat.tag != 0 {
            continue;
        }
        let mut name = vec![0u8; stat.name_len];
        // SAFETY: `name` has `name_len` writable bytes.
        if unsafe { sys::fd_prestat_dir_name(fd, name.as_mut_ptr(), name.len()) } != 0 {
            continue;
        }
        let Ok(name) = String::from_utf8(name) else {
            continue;
        };
        let base = name.trim_end_matches('/');
        let inside = dir == base
            || dir
                .strip_prefix(base)
                .is_some_and(|rest| rest.starts_with('/'));
        if inside && best.as_ref().is_none_or(|(_, b)| b.len() < base.len()) {
            best = Some((fd, base.to_owned()));
        }
    }
    best.map(|(fd, base)| {
        let rel = dir[base.len()..].trim_start_matches('/').to_owned();
        (fd, rel)
    })
}

/// Writes `text` to the file `path` (absolute, inside a preopened folder) through a
/// temporary file in the same folder renamed into place, so a reader never sees a partial
/// file (as the native runtime writes profiles).
///
/// # Errors
/// The folder is not preopened, or the host refused to create, write or rename (WASI errno).
pub fn write_file_atomically(path: &str, text: &str) -> Result<(), String> {
    let (dir, name) = path.rsplit_once('/').ok_or("not an absolute path")?;
    let dir = if dir.is_empty() { "/" } else { dir };
    let (dirfd, rel) = preopen_for(dir)
        .ok_or_else(|| format!("{dir} is not a folder the host gave the program"))?;
    let join = |n: &str| {
        if rel.is_empty() {
            n.to_owned()
        } else {
            format!("{rel}/{n}")
        }
    };
    let tmp = join(&format!(".{name}.tmp"));
    let target = join(name);
    const O_CREAT: u16 = 1;
    const O_TRUNC: u16 = 8;
    // The new file's rights: writing only (`fd_write`); none to pass on.
    const RIGHT_FD_WRITE: u64 = 1 << 6;
    let mut fd = 0u32;
    // SAFETY: `tmp` is valid for its length; `fd` is a valid out-pointer.
    let errno = unsafe {
        sys::path_open(
            dirfd,
            0,
            tmp.as_ptr(),
            tmp.len(),
            O_CREAT | O_TRUNC,
            RIGHT_FD_WRITE,
            0,
            0,
            &mut fd,
        )
    };
    if errno != 0 {
        return Err(format!(
            "cannot create {dir}/.{name}.tmp (WASI errno {errno})"
        ));
    }
    let written = write_all(fd, text.as_bytes());
    // SAFETY: `fd` was opened above.
    unsafe { sys::fd_close(fd) };
    // SAFETY: both paths are valid for their lengths.
    let errno = if written {
        unsafe {
            sys::path_rename(
                dirfd,
                tmp.as_ptr(),
                tmp.len(),
                dirfd,
                target.as_ptr(),
                target.len(),
            )
        }
    } else {
        -1
    };
    if errno != 0 {
        // SAFETY: `tmp` is valid for its length.
        unsafe { sys::path_unlink_file(dirfd, tmp.as_ptr(), tmp.len()) };
        return Err(format!("cannot write {path} (WASI errno {errno})"));
    }
    Ok(())
}
