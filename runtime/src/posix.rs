//! The `posix` module: the operating-system calls that molt's `os` and `os.path` (Python
//! modules in `stdlib/`) are written over, as CPython's `os` is written over its `posix`.
//! Each function takes positional arguments only (the Python layer handles keywords and
//! defaults) and raises CPython's `OSError` subclass for a failed call, with the errno, the
//! C library's message and the file name(s): `FileNotFoundError: [Errno 2] No such file or
//! directory: 'missing'`.
//!
//! File names and environment entries that are not valid UTF-8 (CPython decodes them with
//! `surrogateescape`) raise a `molt:` error: molt's strings cannot hold lone surrogates.

use crate::call::call;
use crate::exceptions::{ExcKind, R, raise, raise_exc, type_error};
use crate::object::{Args, Ref};
use crate::state::exc_class;
use crate::str::{str_from_string, str_opt};
use crate::value::Value;

/// Raises the `OSError` (subclass by errno) of the failed call `e` on `file` (and `file2`
/// for two-path calls such as `rename`), as CPython's `PyErr_SetFromErrnoWithFilenameObjects`.
#[cold]
fn os_error<T>(e: &std::io::Error, file: Option<Value>, file2: Option<Value>) -> R<T> {
    if cfg!(target_arch = "wasm32") && e.kind() == std::io::ErrorKind::Unsupported {
        return raise(
            ExcKind::OSError,
            "molt: the file system is not available on wasm32 (WASI preopened directories are not supported yet)",
        );
    }
    let Some(errno) = e.raw_os_error() else {
        return raise(ExcKind::OSError, e.to_string());
    };
    let mut args = vec![
        crate::int::int_from_i64(i64::from(errno)),
        str_from_string(strerror_text(errno)),
    ];
    if let Some(f) = file {
        args.push(Ref::dup(f));
        if let Some(f2) = file2 {
            args.push(Ref::NONE);
            args.push(Ref::dup(f2));
        }
    }
    let values: Vec<Value> = args.iter().map(|a| a.v()).collect();
    let exc = call(exc_class(ExcKind::OSError), Args::positional(&values))?;
    raise_exc(exc);
    Err(crate::exceptions::Raised)
}

/// The str path argument `v` of `fname`, or CPython's TypeError.
fn path_arg<'a>(fname: &str, v: Value) -> R<&'a str> {
    match str_opt(v) {
        Some(s) => Ok(s),
        None => type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            crate::class::type_name(v)
        )),
    }
}

/// A str from an OS string, or the `molt:` error for one that is not UTF-8.
fn os_str(s: std::ffi::OsString, what: &str) -> R<Ref> {
    match s.into_string() {
        Ok(s) => Ok(str_from_string(s)),
        Err(_) => raise(
            ExcKind::NotImplementedError,
            format!("molt: {what} that is not valid UTF-8 is not supported yet"),
        ),
    }
}

fn p_getcwd(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("getcwd")?;
    match std::env::current_dir() {
        Ok(p) => os_str(p.into_os_string(), "a working directory"),
        Err(e) => os_error(&e, None, None),
    }
}

fn p_chdir(_: Value, args: Args<'_>) -> R<Ref> {
    let [p] = args.exact("chdir")?;
    let path = path_arg("chdir", p)?;
    match std::env::set_current_dir(path) {
        Ok(()) => Ok(Ref::NONE),
        Err(e) => os_error(&e, Some(p), None),
    }
}

/// `listdir(path)`: the entry names in the order the directory gives them (`readdir`, as
/// CPython), without `.` and `..`.
fn p_listdir(_: Value, args: Args<'_>) -> R<Ref> {
    let [p] = args.exact("listdir")?;
    let path = path_arg("listdir", p)?;
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => return os_error(&e, Some(p), None),
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(os_str(entry.file_name(), "a file name")?),
            Err(e) => return os_error(&e, Some(p), None),
        }
    }
    Ok(crate::list::list_from_vec(names))
}

fn p_mkdir(_: Value, args: Args<'_>) -> R<Ref> {
    let [p] = args.exact("mkdir")?;
    let path = path_arg("mkdir", p)?;
    match std::fs::create_dir(path) {
        Ok(()) => Ok(Ref::NONE),
        Err(e) => os_error(&e, Some(p), None),
    }
}

fn p_rmdir(_: Value, args: Args<'_>) -> R<Ref> {
    let [p] = args.exact("rmdir")?;
    let path = path_arg("rmdir", p)?;
    match std::fs::remove_dir(path) {
        Ok(()) => Ok(Ref::NONE),
        Err(e) => os_error(&e, Some(p), None),
    }
}

fn p_unlink(_: Value, args: Args<'_>) -> R<Ref> {
    let [p] = args.exact("unlink")?;
    let path = path_arg("unlink", p)?;
    match std::fs::remove_file(path) {
        Ok(()) => Ok(Ref::NONE),
        Err(e) => os_error(&e, Some(p), None),
    }
}

fn p_rename(_: Value, args: Args<'_>) -> R<Ref> {
    let [a, b] = args.exact("rename")?;
    let from = path_arg("rename", a)?;
    let to = path_arg("rename", b)?;
    match std::fs::rename(from, to) {
        Ok(()) => Ok(Ref::NONE),
        Err(e) => os_error(&e, Some(a), Some(b)),
    }
}

fn p_getpid(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("getpid")?;
    #[cfg(target_arch = "wasm32")]
    return raise(
        ExcKind::NotImplementedError,
        "molt: os.getpid() is not available on wasm32 (WASI has no process ids)",
    );
    #[cfg(not(target_arch = "wasm32"))]
    Ok(crate::int::int_from_i64(i64::from(std::process::id())))
}

fn p_strerror(_: Value, args: Args<'_>) -> R<Ref> {
    let [code] = args.exact("strerror")?;
    let Some(crate::int::IntV::Small(code)) = crate::int::int_view(code) else {
        return type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::class::type_name(code)
        ));
    };
    let Ok(code) = i32::try_from(code) else {
        return crate::exceptions::overflow_error("signed integer is greater than maximum");
    };
    // Rust's std has no error texts on wasm32-unknown-unknown (and WASI numbers errors its
    // own way).
    #[cfg(target_arch = "wasm32")]
    return raise(
        ExcKind::NotImplementedError,
        format!("molt: os.strerror({code}) is not available on wasm32"),
    );
    #[cfg(not(target_arch = "wasm32"))]
    Ok(str_from_string(strerror_text(code)))
}

/// The C library's `strerror` text of `errno` (Rust appends " (os error N)"; dropped).
fn strerror_text(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// `_molt_environ()`: the process environment as a list of `(name, value)` str pairs, in
/// the order the C library keeps it.
fn p_environ(_: Value, args: Args<'_>) -> R<Ref> {
    args.none("_molt_environ")?;
    let mut pairs = Vec::new();
    #[cfg(not(target_arch = "wasm32"))]
    for (k, v) in std::env::vars_os() {
        let k = os_str(k, "an environment variable")?;
        let v = os_str(v, "an environment variable")?;
        pairs.push(crate::tuple::tuple_from_array([k, v]));
    }
    // WASI's `environ_get`, with this process's changes.
    #[cfg(target_arch = "wasm32")]
    let vars = crate::wasi::env_vars();
    #[cfg(target_arch = "wasm32")]
    if crate::wasi::env_not_utf8() {
        return raise(
            ExcKind::NotImplementedError,
            "molt: an environment variable that is not valid UTF-8 is not supported yet",
        );
    }
    #[cfg(target_arch = "wasm32")]
    for (k, v) in vars {
        pairs.push(crate::tuple::tuple_from_array([
            str_from_string(k),
            str_from_string(v),
        ]));
    }
    Ok(crate::list::list_from_vec(pairs))
}

/// `putenv(name, value)`, with CPython's ValueErrors for an empty name or one with `=`.
fn p_putenv(_: Value, args: Args<'_>) -> R<Ref> {
    let [k, v] = args.exact("putenv")?;
    let (Some(key), Some(value)) = (str_opt(k), str_opt(v)) else {
        return type_error(format!("str expected, not {}", crate::class::type_name(k)));
    };
    if key.is_empty() || key.contains('=') {
        return crate::exceptions::value_error("illegal environment variable name");
    }
    if key.contains('\0') || value.contains('\0') {
        return crate::exceptions::value_error("embedded null byte");
    }
    // SAFETY: compiled programs run their Python code on one thread; no other thread reads
    // the environment while it changes.
    #[cfg(not(target_arch = "wasm32"))]
    unsafe {
        std::env::set_var(key, value)
    };
    #[cfg(target_arch = "wasm32")]
    crate::wasi::set_env_var(key, value);
    Ok(Ref::NONE)
}

fn p_unsetenv(_: Value, args: Args<'_>) -> R<Ref> {
    let [k] = args.exact("unsetenv")?;
    let Some(key) = str_opt(k) else {
        return type_error(format!("str expected, not {}", crate::class::type_name(k)));
    };
    if key.is_empty() || key.contains('=') {
        return crate::exceptions::value_error("illegal environment variable name");
    }
    // SAFETY: as in `p_putenv`.
    #[cfg(not(target_arch = "wasm32"))]
    unsafe {
        std::env::remove_var(key)
    };
    #[cfg(target_arch = "wasm32")]
    crate::wasi::remove_env_var(key);
    Ok(Ref::NONE)
}

/// `_molt_stat(path, follow_symlinks)`: `(kind, size, mtime, atime, ctime)` of `path`, kind
/// 1 for a directory, 2 for a regular file, 3 for a symbolic link (not followed), 0 for
/// anything else; times in seconds (floats). Raises the `OSError` of `stat`/`lstat`.
fn p_stat(_: Value, args: Args<'_>) -> R<Ref> {
    let [p, follow] = args.exact("_molt_stat")?;
    let path = path_arg("stat", p)?;
    let md = if crate::ops::is_true(follow)? {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    let md = match md {
        Ok(md) => md,
        Err(e) => return os_error(&e, Some(p), None),
    };
    let ft = md.file_type();
    let kind = if ft.is_dir() {
        1
    } else if ft.is_file() {
        2
    } else if ft.is_symlink() {
        3
    } else {
        0
    };
    let (mtime, atime, ctime) = times(&md);
    Ok(crate::tuple::tuple_from_array([
        crate::int::int_from_i64(kind),
        crate::int::int_from_i128(i128::from(md.len())),
        Ref::new(Value::from_f64(mtime)),
        Ref::new(Value::from_f64(atime)),
        Ref::new(Value::from_f64(ctime)),
    ]))
}

/// `(st_mtime, st_atime, st_ctime)` in seconds, as CPython computes them from `stat`'s
/// seconds and nanoseconds (`sec + nsec * 1e-9`); `st_ctime` is the inode's change time.
#[cfg(unix)]
fn times(md: &std::fs::Metadata) -> (f64, f64, f64) {
    use std::os::unix::fs::MetadataExt;
    let t = |sec: i64, nsec: i64| sec as f64 + nsec as f64 * 1e-9;
    (
        t(md.mtime(), md.mtime_nsec()),
        t(md.atime(), md.atime_nsec()),
        t(md.ctime(), md.ctime_nsec()),
    )
}

/// `(st_mtime, st_atime, st_ctime)` where only `SystemTime`s exist (WASI).
#[cfg(not(unix))]
fn times(md: &std::fs::Metadata) -> (f64, f64, f64) {
    let t = |t: std::io::Result<std::time::SystemTime>| match t
        .map(|t| t.duration_since(std::time::UNIX_EPOCH))
    {
        Ok(Ok(d)) => d.as_secs() as f64 + f64::from(d.subsec_nanos()) * 1e-9,
        _ => 0.0,
    };
    (t(md.modified()), t(md.accessed()), t(md.modified()))
}

/// The `posix` module object.
pub fn make_posix() -> Ref {
    let m = crate::modules::module_new("posix");
    crate::modules::add_fns(
        m.v(),
        &[
            ("getcwd", p_getcwd),
            ("chdir", p_chdir),
            ("listdir", p_listdir),
            ("mkdir", p_mkdir),
            ("rmdir", p_rmdir),
            ("unlink", p_unlink),
            ("remove", p_unlink),
            ("rename", p_rename),
            ("getpid", p_getpid),
            ("strerror", p_strerror),
            ("putenv", p_putenv),
            ("unsetenv", p_unsetenv),
            ("_molt_environ", p_environ),
            ("_molt_stat", p_stat),
        ],
    );
    m
}
