//! The disk code cache, in its own test binary (it empties the process's in-memory cache).

use std::sync::Arc;

use molt_codecache::{CacheConfig, CacheStats, CodeCache};
use molt_db::RootDatabase;

fn compile(functions: &[Arc<molt_mir::Function>], cache: &Arc<CodeCache>) -> Vec<u8> {
    let options = molt_codegen::CodegenOptions {
        threads: 2,
        code_cache: Some(cache.clone()),
        ..Default::default()
    };
    molt_codegen::compile_program(functions, &options).expect("compiles")
}

/// A fresh process (an empty in-memory cache) takes every function from the disk cache an
/// earlier one filled, and the object file is the same byte for byte; a damaged entry is
/// compiled again and rewritten.
#[test]
fn a_fresh_process_compiles_nothing_that_the_disk_cache_holds() {
    let src = "class P:\n    def __init__(self, x):\n        self.x = x\n\n    def get(self):\n        return self.x\n\ndef f(x: float):\n    return x * 2.5\n\ndef g(y):\n    try:\n        return P(f(y)).get()\n    except ValueError:\n        return -1\n\nprint(g(20), [i * i for i in range(4)], 'persisted')\n";
    let db = RootDatabase::default();
    let file = molt_db::SourceFile::new(&db, "persisted.py".into(), src.into(), None);
    let functions = molt_opt::optimized_file(&db, file);
    let n = functions.len();
    let dir = tempfile::tempdir().expect("tempdir");
    let config = CacheConfig {
        dir: Some(dir.path().to_path_buf()),
        ..CacheConfig::default()
    };

    molt_codegen::clear_memory_cache();
    let cold = Arc::new(CodeCache::new(&config));
    let first = compile(&functions, &cold);
    assert_eq!(
        cold.stats(),
        CacheStats {
            compiled: n,
            ..CacheStats::default()
        }
    );
    assert!(cold.warnings().is_empty(), "{:?}", cold.warnings());

    molt_codegen::clear_memory_cache();
    let warm = Arc::new(CodeCache::new(&config));
    let second = compile(&functions, &warm);
    assert_eq!(
        warm.stats(),
        CacheStats {
            disk: n,
            ..CacheStats::default()
        }
    );
    assert_eq!(
        first, second,
        "the object file from cached code is identical"
    );

    // In the same process, later builds take the code from memory.
    let again = Arc::new(CodeCache::new(&config));
    compile(&functions, &again);
    assert_eq!(again.stats().memory, n);

    // Damage every entry: each is a miss, compiled again and rewritten.
    let mut damaged = 0;
    for sub in std::fs::read_dir(dir.path().join("v1"))
        .expect("entries")
        .flatten()
    {
        for entry in std::fs::read_dir(sub.path()).expect("entries").flatten() {
            let mut bytes = std::fs::read(entry.path()).expect("read");
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0xff;
            std::fs::write(entry.path(), bytes).expect("write");
            damaged += 1;
        }
    }
    assert_eq!(damaged, n);
    molt_codegen::clear_memory_cache();
    let repaired = Arc::new(CodeCache::new(&config));
    assert_eq!(compile(&functions, &repaired), first);
    assert_eq!(repaired.stats().compiled, n);
    molt_codegen::clear_memory_cache();
    let warm_again = Arc::new(CodeCache::new(&config));
    assert_eq!(compile(&functions, &warm_again), first);
    assert_eq!(warm_again.stats().disk, n);
}
