//! The frontend never panics, whatever the input: truncated and randomly mutated real
//! programs, and arbitrary bytes. Each input runs every query `--check` and `--emit=mir` run.

use molt_db::{RootDatabase, SourceFile};
use molt_tests::{Rng, corpus_files};

fn run_everything(bytes: &[u8]) {
    let db = RootDatabase::default();
    let file = SourceFile::from_bytes(&db, "fuzz.py", bytes);
    let _ = molt_driver::check_file(&db, file);
    let _ = molt_driver::emit_mir(&db, file);
}

fn corpus() -> Vec<Vec<u8>> {
    let mut files = corpus_files("ok");
    files.extend(corpus_files("errors"));
    files.extend(corpus_files("unsupported"));
    files
        .iter()
        .map(|p| std::fs::read(p).expect("corpus file is readable"))
        .collect()
}

#[test]
fn truncated_programs_do_not_panic() {
    for program in corpus() {
        // Every 7th prefix keeps the test quick while covering every kind of cut.
        for len in (0..program.len()).step_by(7) {
            run_everything(&program[..len]);
        }
    }
}

#[test]
fn mutated_programs_do_not_panic() {
    use molt_tests::targets::mutate::TOKENS;
    let mut rng = Rng::new(0x5eed);
    for program in corpus() {
        for _ in 0..40 {
            let mut p = program.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(p.len() + 1);
                match rng.below(4) {
                    0 => {
                        let t = TOKENS[rng.below(TOKENS.len())];
                        p.splice(at..at, t.iter().copied());
                    }
                    1 if at < p.len() => {
                        let end = (at + 1 + rng.below(12)).min(p.len());
                        p.drain(at..end);
                    }
                    2 if at < p.len() => p[at] = rng.next_u64() as u8,
                    _ => {
                        // Duplicate a line-sized chunk elsewhere.
                        let from = rng.below(p.len().max(1));
                        let end = (from + rng.below(40)).min(p.len());
                        let chunk: Vec<u8> = p[from..end].to_vec();
                        p.splice(at..at, chunk);
                    }
                }
            }
            run_everything(&p);
        }
    }
}

#[test]
fn arbitrary_bytes_do_not_panic() {
    let mut rng = Rng::new(42);
    for len in [0usize, 1, 2, 3, 10, 100, 1000] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
            run_everything(&bytes);
        }
    }
    run_everything(b"\xef\xbb\xbfprint(1)\n");
    run_everything(b"x = '\xc3\x28'\n");
    run_everything(b"\x00\x00\x00");
}
