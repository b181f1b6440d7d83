//! Remarks for integer loops: loops of `int` and `float` arithmetic and comparisons only,
//! which codegen also compiles as a copy on machine integers and floats ([`molt_mir::int_loops`] decides which;
//! this pass changes nothing and says what codegen will do, and, for a loop that would
//! qualify but for a value of unknown type, which value that is), and for integer functions,
//! recursive ones that codegen also compiles as a machine copy
//! ([`molt_mir::int_functions`]).

use molt_mir::{Function, Span, ValueDef};

use crate::{PassContext, RemarkKind};

/// Reports `function.unboxed` (applied) when `func` is an integer function (missed, with
/// the reason, when it calls itself but is not one: [`molt_mir::int_functions::find_or_miss`]), `loop.unboxed`
/// (applied) for every integer loop of `func` and
/// `loop.unboxed.missed` for every loop that only a value of unknown type keeps from being one.
/// A loop the entry guards compiled twice (for annotated arguments, and a generic copy for
/// others) gets one remark: applied when either copy is an integer loop, else the first miss.
pub fn run(func: &mut Function, ctx: &mut PassContext<'_>) {
    match molt_mir::int_functions::find_or_miss(func) {
        Ok(ifn) => {
            ctx.remark(
                "int_loops",
                "function.unboxed",
                RemarkKind::Applied,
                ifn.span,
                "this recursive function also runs as a copy on machine integers: called with ints of the 48-bit inline range, it computes in registers and calls itself directly, with no type tests, boxing or reference counts; a result beyond 64 bits, an operation that raises, or the recursion limit runs the call again on the generic path",
            );
        }
        Err(Some(miss)) => {
            ctx.remark(
                "int_loops",
                "function.unboxed.missed",
                RemarkKind::Missed,
                miss.span,
                format!(
                    "this recursive function could also run as a copy on machine integers, but {}",
                    miss.reason
                ),
            );
        }
        Err(None) => {}
    }
    let (loops, missed) = molt_mir::int_loops::find(func);
    let mut spans: Vec<Span> = Vec::new();
    for lp in &loops {
        if spans.contains(&lp.span) {
            continue;
        }
        spans.push(lp.span);
        ctx.remark(
            "int_loops",
            "loop.unboxed",
            RemarkKind::Applied,
            lp.span,
            "this loop's arithmetic runs on machine integers and floats in registers: no type tests or boxing between operations; an int leaving the 48-bit inline range, a NaN, or an operation that raises runs that iteration again on the generic path",
        );
    }
    for m in &missed {
        if spans.contains(&m.span) {
            continue;
        }
        spans.push(m.span);
        let (span, what) = match func.values[m.value.index()].def {
            ValueDef::Param(block, i) if block.index() == 0 => match func.params.get(i as usize) {
                Some(p) => (m.span, format!("parameter `{}`", p.name)),
                None => (m.span, "a value".to_string()),
            },
            ValueDef::Param(..) => (m.span, "a variable assigned in the loop".to_string()),
            ValueDef::Result(inst) => (func.insts[inst.index()].span, "this value".to_string()),
        };
        ctx.remark(
            "int_loops",
            "loop.unboxed.missed",
            RemarkKind::Missed,
            span,
            format!(
                "this loop's arithmetic could run on machine integers and floats, but {what} is not known to be an `int` or a `float` (an annotation such as `n: int` or `x: float`, or a conversion, would make it one)"
            ),
        );
    }
}
