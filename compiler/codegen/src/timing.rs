//! Where a build's codegen time goes, printed to stderr when the environment variable
//! `MOLT_CODEGEN_TIMES` is set (to anything but `0`): the wall time of each phase of
//! `build_module`, the busy time of each worker thread, the sum of translation (MIR → CLIF)
//! and Cranelift compile times, Cranelift's own pass times summed over the threads, and the
//! slowest units (wall times: on a loaded machine they include time spent waiting for a
//! core). Measuring is always on (a few clock reads per unit); only the report depends on the
//! variable.

use std::cell::Cell;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// Whether the report is printed.
pub(crate) static ENABLED: LazyLock<bool> = LazyLock::new(|| {
    std::env::var_os("MOLT_CODEGEN_TIMES").is_some_and(|v| !v.is_empty() && v != "0")
});

/// `MOLT_DUMP_CLIF=NAME`: the CLIF of the MIR function `NAME` (as codegen names it:
/// `helper:f` in module `helper`; each part of a function compiled in parts) is printed to
/// stderr before Cranelift compiles it.
pub(crate) static DUMP_CLIF: LazyLock<Option<String>> = LazyLock::new(|| {
    std::env::var("MOLT_DUMP_CLIF")
        .ok()
        .filter(|v| !v.is_empty())
});

thread_local! {
    /// Translation and Cranelift time of the last unit this thread compiled (zero when it
    /// came from a cache).
    static LAST: Cell<(Duration, Duration, usize)> = const { Cell::new((Duration::ZERO, Duration::ZERO, 0)) };
}

/// Records the times of the unit just compiled on this thread.
pub(crate) fn set_last(translate: Duration, compile: Duration, clif_insts: usize) {
    LAST.with(|c| c.set((translate, compile, clif_insts)));
}

/// Takes (and clears) the times [`set_last`] recorded on this thread.
pub(crate) fn take_last() -> (Duration, Duration, usize) {
    LAST.with(|c| c.replace((Duration::ZERO, Duration::ZERO, 0)))
}

/// One compiled unit's times.
pub(crate) struct UnitTime {
    /// Function name, with `#partK` for a part.
    pub name: String,
    /// MIR instructions of the whole function.
    pub insts: usize,
    /// CLIF instructions of the unit.
    pub clif_insts: usize,
    /// Worker thread index.
    pub thread: usize,
    /// Compiled with the settings of code that runs once (`once`).
    pub once: bool,
    /// Since the compile phase began, when the unit was taken and when it was done.
    pub start: Duration,
    pub end: Duration,
    /// MIR → CLIF.
    pub translate: Duration,
    /// Cranelift (optimization, lowering, register allocation, emission).
    pub compile: Duration,
}

/// A build's codegen timings.
#[derive(Default)]
pub(crate) struct Report {
    phases: Vec<(&'static str, Duration)>,
    pub units: Vec<UnitTime>,
    pub passes: Option<cranelift_codegen::timing::PassTimes>,
}

impl Report {
    /// Records `phase` as the time since `since`, and returns now.
    pub fn phase(&mut self, phase: &'static str, since: Instant) -> Instant {
        let now = Instant::now();
        self.phases.push((phase, now - since));
        now
    }

    /// Adds one thread's Cranelift pass times.
    pub fn add_passes(&mut self, p: &cranelift_codegen::timing::PassTimes) {
        match &mut self.passes {
            Some(all) => all.add(p),
            None => {
                let mut all = cranelift_codegen::timing::PassTimes::default();
                all.add(p);
                self.passes = Some(all);
            }
        }
    }

    /// Prints the report to stderr.
    pub fn print(&self) {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out = String::from("codegen phases (wall):\n");
        for (name, d) in &self.phases {
            out.push_str(&format!("  {name:<28} {:8.1} ms\n", ms(*d)));
        }
        let threads = self.units.iter().map(|u| u.thread + 1).max().unwrap_or(0);
        for t in 0..threads {
            let mine = self.units.iter().filter(|u| u.thread == t);
            let busy: Duration = mine.clone().map(|u| u.end - u.start).sum();
            let last = mine.map(|u| u.end).max().unwrap_or_default();
            out.push_str(&format!(
                "  thread {t}: busy {:.1} ms, done at {:.1} ms\n",
                ms(busy),
                ms(last)
            ));
        }
        let translate: Duration = self.units.iter().map(|u| u.translate).sum();
        let compile: Duration = self.units.iter().map(|u| u.compile).sum();
        let clif: usize = self.units.iter().map(|u| u.clif_insts).sum();
        out.push_str(&format!(
            "  {} units, {clif} CLIF instructions: translate {:.1} ms, cranelift {:.1} ms (summed over the units)\n",
            self.units.len(),
            ms(translate),
            ms(compile)
        ));
        let mut slow: Vec<&UnitTime> = self.units.iter().collect();
        slow.sort_by_key(|u| std::cmp::Reverse(u.translate + u.compile));
        out.push_str(
            "  slowest units (MIR insts, CLIF insts, translate, cranelift, thread, start):\n",
        );
        for u in slow.iter().take(12) {
            out.push_str(&format!(
                "    {:<40} {:6} {:6} {:7.1} {:7.1}  t{} @{:.1}{}\n",
                u.name,
                u.insts,
                u.clif_insts,
                ms(u.translate),
                ms(u.compile),
                u.thread,
                ms(u.start),
                if u.once { " (runs once)" } else { "" }
            ));
        }
        if let Some(p) = &self.passes {
            out.push_str(&format!("cranelift passes (all threads):\n{p}"));
        }
        eprint!("{out}");
    }
}
