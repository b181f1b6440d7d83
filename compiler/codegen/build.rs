//! Sets `MOLT_CODEGEN_SOURCE_HASH` (16 hex digits): a SHA-256 of the sources that decide what
//! machine code a function's MIR becomes — this crate, the MIR crate and the runtime, whose
//! ABI and object layouts compiled code relies on. It is part of every persistent code cache
//! key (`persist.rs`), so a compiler built from other sources never reuses code compiled by
//! this one. The versions of Cranelift's crates (from `Cargo.lock`) are hashed too.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn main() {
    let manifest_dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let roots = [
        manifest_dir.join("src"),
        manifest_dir.join("../mir/src"),
        manifest_dir.join("../../runtime/src"),
    ];
    let mut files = Vec::new();
    for root in &roots {
        println!("cargo:rerun-if-changed={}", root.display());
        collect(root, &mut files);
    }
    files.sort();
    let mut h = Sha256::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("a source file is readable");
        let name = file.strip_prefix(&manifest_dir).unwrap_or(file);
        h.update(name.to_string_lossy().as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    let lock = manifest_dir.join("../../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    h.update(backend_versions(
        &std::fs::read_to_string(&lock).unwrap_or_default(),
    ));
    let digest = h.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=MOLT_CODEGEN_SOURCE_HASH={hex}");
}

/// Every file under `dir`, recursively.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// `name version` lines of the code generator's crates (Cranelift, regalloc2) in `Cargo.lock`.
fn backend_versions(lock: &str) -> String {
    let mut out = String::new();
    let mut name = "";
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = n.trim_matches('"');
        } else if let Some(v) = line.strip_prefix("version = ")
            && (name.starts_with("cranelift") || name.starts_with("regalloc"))
        {
            out.push_str(&format!("{name} {}\n", v.trim_matches('"')));
        }
    }
    out
}
