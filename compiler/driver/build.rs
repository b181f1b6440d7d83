//! Builds `molt_runtime` as a static library (release) and leaves it in `OUT_DIR`, where the
//! driver embeds it (`include_bytes!`), so that the `molt-lsp` binary links programs on its
//! own, copied anywhere, with its SHA-256 in `MOLT_RUNTIME_SHA256`.
//! `MOLT_RUNTIME_LIB=/path/libmolt_runtime.a` skips the nested build.
//!
//! The wasm32 runtime (`libmolt_runtime_wasm32.a`, for `--target wasm32`) is built the same
//! way when the wasm32 toolchain is installed (Debian's `rustc-web cargo-web rust-web-src
//! lld-16`: `/usr/bin/rustc` with the standard library's sources, built with `-Zbuild-std`),
//! or taken from `MOLT_WASM_RUNTIME_LIB`; `MOLT_NO_WASM_RUNTIME=1` skips it (faster builds
//! while working on the runtime). Without it the embedded library is empty and
//! `--target wasm32` says what to install.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    wasm_runtime(&out);
    let dest = out.join("libmolt_runtime.a");
    println!("cargo:rerun-if-env-changed=MOLT_RUNTIME_LIB");
    if let Ok(prebuilt) = env::var("MOLT_RUNTIME_LIB") {
        install(std::path::Path::new(&prebuilt), &dest);
        emit_hash(&dest);
        return;
    }
    let manifest_dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let runtime = manifest_dir.join("../../runtime");
    println!("cargo:rerun-if-changed={}", runtime.join("src").display());
    println!(
        "cargo:rerun-if-changed={}",
        runtime.join("abi/src").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        runtime.join("abi/Cargo.toml").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        runtime.join("Cargo.toml").display()
    );
    let target_dir = out.join("runtime-target");
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // One retry: a nested build that fails for a reason outside the sources (a killed job,
    // a full pipe) should not fail the whole workspace build; a real error fails twice.
    let ok = (0..2).any(|attempt| {
        if attempt > 0 {
            println!("cargo:warning=building molt_runtime failed; retrying once");
        }
        build_runtime(&cargo, &runtime, &target_dir)
    });
    assert!(
        ok,
        "building molt_runtime failed (cargo build --release --lib --manifest-path {}); \
         the errors are above",
        runtime.join("Cargo.toml").display()
    );
    install(&target_dir.join("release/libmolt_runtime.a"), &dest);
    emit_hash(&dest);
}

/// Runs the nested `cargo build` of the runtime (release, static library) into `target_dir`;
/// returns whether it succeeded. Its stdin is closed: nothing in a build reads it, and an
/// inherited stdin (a CI runner's pipe) must not reach a `rustc -` below.
fn build_runtime(cargo: &str, runtime: &std::path::Path, target_dir: &std::path::Path) -> bool {
    Command::new(cargo)
        .args(["build", "--release", "--lib", "--manifest-path"])
        .arg(runtime.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        // Frame pointers: the sampling profiler walks from a runtime helper to the compiled
        // code that called it (`molt_runtime::profile`).
        .env("CARGO_ENCODED_RUSTFLAGS", "-Cforce-frame-pointers=yes")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .stdin(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Copies `src` to `dest` through a new file renamed into place, so that a `dest` that is a
/// hard link (a target folder seeded with `cp -al`) is replaced, not written through.
fn install(src: &std::path::Path, dest: &std::path::Path) {
    let tmp = dest.with_extension("a.tmp");
    let _ = std::fs::remove_file(&tmp);
    std::fs::copy(src, &tmp).expect("the runtime library is readable");
    std::fs::rename(&tmp, dest).expect("OUT_DIR is writable");
}

/// Sets `MOLT_RUNTIME_SHA256` (64 hex digits) and `MOLT_RUNTIME_HASH` (its first 16) for the
/// driver: the name under which the library is cached on disk, and what a cached copy must
/// hash to, so that a process checks the copy without reading the embedded bytes.
fn emit_hash(lib: &std::path::Path) {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(lib).expect("the runtime library is readable");
    let hex: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=MOLT_RUNTIME_SHA256={hex}");
    println!("cargo:rustc-env=MOLT_RUNTIME_HASH={}", &hex[..16]);
}

/// Leaves `libmolt_runtime_wasm32.a` in `out`: prebuilt, built, or empty (see the module doc).
fn wasm_runtime(out: &std::path::Path) {
    let dest = out.join("libmolt_runtime_wasm32.a");
    println!("cargo:rerun-if-env-changed=MOLT_WASM_RUNTIME_LIB");
    println!("cargo:rerun-if-env-changed=MOLT_NO_WASM_RUNTIME");
    if let Ok(prebuilt) = env::var("MOLT_WASM_RUNTIME_LIB") {
        install(std::path::Path::new(&prebuilt), &dest);
        return;
    }
    let skip = env::var("MOLT_NO_WASM_RUNTIME").is_ok_and(|v| !v.is_empty() && v != "0");
    let rustc = std::path::Path::new("/usr/bin/rustc");
    let cargo = std::path::Path::new("/usr/bin/cargo");
    let std_src = std::path::Path::new("/usr/lib/rustlib/src/rust/library");
    let linker = find_on_path("wasm-ld-16").or_else(|| find_on_path("wasm-ld"));
    let toolchain = rustc.is_file() && cargo.is_file() && std_src.is_dir() && linker.is_some();
    if skip || !toolchain {
        if !skip {
            println!(
                "cargo:warning=no wasm32 toolchain (Debian: rustc-web cargo-web rust-web-src \
                 lld-16): molt-lsp is built without --target wasm32"
            );
        }
        std::fs::write(&dest, b"").expect("OUT_DIR is writable");
        return;
    }
    let manifest_dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let runtime = manifest_dir.join("../../runtime");
    for dir in ["src", "abi/src", "abi/Cargo.toml", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={}", runtime.join(dir).display());
    }
    let target_dir = out.join("runtime-wasm32-target");
    let ok = Command::new(cargo)
        .args(["build", "--release", "--lib", "--manifest-path"])
        .arg(runtime.join("Cargo.toml"))
        .args([
            "--target",
            "wasm32-unknown-unknown",
            "-Zbuild-std=std,panic_abort",
            "--target-dir",
        ])
        .arg(&target_dir)
        .env("RUSTC", rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER",
            linker.as_deref().unwrap_or(std::path::Path::new("wasm-ld")),
        )
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        // 128-bit SIMD (every engine since 2021: node 16.4, Chrome 91, Firefox 89, Safari
        // 16.4, wasmtime): the runtime's string searches and copies use it (`str.split`
        // 12% faster under node 20).
        .env("CARGO_ENCODED_RUSTFLAGS", "-Ctarget-feature=+simd128")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .stdin(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        ok,
        "building molt_runtime for wasm32 failed (the errors are above); \
         MOLT_NO_WASM_RUNTIME=1 builds molt-lsp without --target wasm32"
    );
    install(
        &target_dir.join("wasm32-unknown-unknown/release/libmolt_runtime.a"),
        &dest,
    );
}

/// `name` in a folder of `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}
