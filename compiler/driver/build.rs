//! Builds `molt_runtime` as a static library (release) and leaves it in `OUT_DIR`, where the
//! driver embeds it (`include_bytes!`), so that the `molt-lsp` binary links programs on its
//! own, copied anywhere, with its SHA-256 in `MOLT_RUNTIME_SHA256`.
//! `MOLT_RUNTIME_LIB=/path/libmolt_runtime.a` skips the nested build.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
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
