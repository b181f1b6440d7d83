//! The MIR verifier: checks the invariants every pass must preserve, so that a broken pass is
//! caught right after it runs (in tests and debug builds) rather than as a miscompile later.
//!
//! [`verify`] collects every error, each with a location (`block2` or
//! `block2, v7 = add v3, v4 @12..15 #6`). It never panics, whatever the tables hold.
//! Invariants checked:
//!
//! **Layout and tables**
//! - the function has blocks, and the entry `block0` comes first in the layout;
//! - the layout names existing blocks, each once, and every block is in the layout;
//! - every instruction a block lists exists, and every instruction is listed by exactly one
//!   block;
//! - every value is defined exactly once: as parameter `i` of block `b` with
//!   [`ValueDef::Param`]`(b, i)`, or as the `result` of an instruction (in a block) with
//!   [`ValueDef::Result`] naming that instruction. With the layout rules this is what the text
//!   form needs: a verified function prints, and reads back with [`crate::parse`].
//!
//! **Blocks**
//! - every block ends with a terminator and has none before its end (so it is not empty);
//! - the entry block has one parameter per signature parameter;
//! - an exception handler (`catch blockN`) exists and has exactly one parameter, the
//!   exception. Handlers may also be jump targets.
//!
//! **Instructions**
//! - `result` is present iff [`InstKind::has_result`];
//! - every operand is a defined value and, in reachable blocks, its definition dominates the
//!   use: a parameter of the same block, an earlier instruction of the same block, or a
//!   definition in a dominating block. An exception edge leaves its block *before* the
//!   block's instructions run, so values they define do not dominate the handler (nor
//!   anything reached only through it). Unreachable blocks skip this check only;
//! - branch arity: a target gets one argument per parameter, except the first target of
//!   `iter.next`, whose first parameter receives the item (so it needs at least one);
//! - branch types: each argument's type is a subtype ([`Type::is_subtype_of`], or equal) of
//!   its parameter's; for `iter.next`'s item, the iterator's [`Type::element_type`] is;
//! - `brif`'s condition is a `bool` (or `never`, which only unreachable blocks may have);
//!   `assume`'s result type equals its type operand; no value in a reachable block has type
//!   `never`;
//! - `freevar N` names one of the function's free variables; `yield` appears only in
//!   generators; site ids are unique within the function.

use std::collections::HashMap;
use std::fmt;

use crate::dominators::{Dominance, DominatorTree, block_successors};
use crate::{Block, BlockCall, Function, Inst, InstKind, Type, Value, ValueDef, quote};

/// One broken invariant. Displays as `location: message`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VerifyError {
    /// Where: `function "f"`, a block (`block3`), a block and an instruction
    /// (`block2, v7 = add v3, v4 @12..15 #6`), or an instruction in no block.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl std::error::Error for VerifyError {}

/// Checks every invariant listed in the module documentation and returns all violations, in
/// a deterministic order (layout order, then blocks missing from the layout).
pub fn verify(func: &Function) -> Result<(), Vec<VerifyError>> {
    let mut errors = Errors {
        func,
        list: Vec::new(),
    };
    check_layout(&mut errors);
    let order = block_order(func);
    let homes = check_membership(&mut errors, &order);
    let defs = check_definitions(&mut errors, &order, &homes);
    check_blocks(&mut errors, &order);

    let dominators = DominatorTree::compute(func);
    let split = split_dominance(func);
    let mut sites: HashMap<u32, Inst> = HashMap::new();
    for &block in &order {
        let reachable = dominators.is_reachable(block);
        let Some(data) = func.blocks.get(block.index()) else {
            continue;
        };
        if reachable {
            for &param in &data.params {
                if func
                    .values
                    .get(param.index())
                    .is_some_and(|v| v.ty == Type::Never)
                {
                    errors.at_block(
                        block,
                        format!("parameter {param} has type never in a reachable block"),
                    );
                }
            }
        }
        for (position, &inst) in data.insts.iter().enumerate() {
            // Instructions listed twice are checked at their first listing only.
            if homes.get(inst.index()).copied().flatten() != Some((block, position)) {
                continue;
            }
            if let Some(site) = func.insts.get(inst.index()).map(|d| d.site.0)
                && sites.insert(site, inst).is_some()
            {
                errors.at_inst(block, inst, format!("site #{site} is used twice"));
            }
            let context = UseContext {
                block,
                position,
                reachable,
                defs: &defs,
                dominators: &dominators,
                split: &split,
            };
            check_inst(&mut errors, inst, &context);
        }
    }
    if errors.list.is_empty() {
        Ok(())
    } else {
        Err(errors.list)
    }
}

/// The errors found so far, with location helpers.
struct Errors<'a> {
    func: &'a Function,
    list: Vec<VerifyError>,
}

impl Errors<'_> {
    fn push(&mut self, location: String, message: String) {
        self.list.push(VerifyError { location, message });
    }

    fn at_function(&mut self, message: String) {
        self.push(format!("function {}", quote(&self.func.name)), message);
    }

    fn at_block(&mut self, block: Block, message: String) {
        self.push(block.to_string(), message);
    }

    fn at_inst(&mut self, block: Block, inst: Inst, message: String) {
        let location = format!("{block}, {}", describe_inst(self.func, inst));
        self.push(location, message);
    }
}

/// An instruction's text without its result type, e.g. `v7 = add v3, v4 @12..15 #6`; safe
/// when the result is missing from the value table.
fn describe_inst(func: &Function, inst: Inst) -> String {
    let Some(data) = func.insts.get(inst.index()) else {
        return inst.to_string();
    };
    let mut bare = data.clone();
    bare.result = None;
    let text = func.display_inst(&bare);
    match data.result {
        Some(result) => format!("{result} = {text}"),
        None => text,
    }
}

fn describe_def(def: ValueDef) -> String {
    match def {
        ValueDef::Param(block, index) => format!("parameter {index} of {block}"),
        ValueDef::Result(inst) => format!("the result of {inst}"),
    }
}

/// Existing blocks in layout order, then those missing from the layout by number.
fn block_order(func: &Function) -> Vec<Block> {
    let mut seen = vec![false; func.blocks.len()];
    let mut order = Vec::with_capacity(func.blocks.len());
    for &block in &func.layout {
        if let Some(seen) = seen.get_mut(block.index())
            && !std::mem::replace(seen, true)
        {
            order.push(block);
        }
    }
    let missing = (0..func.blocks.len()).filter(|&b| !seen[b]);
    order.extend(missing.map(|b| Block(u32::try_from(b).unwrap_or(u32::MAX))));
    order
}

fn check_layout(errors: &mut Errors<'_>) {
    let func = errors.func;
    if func.blocks.is_empty() {
        errors.at_function("the function has no blocks (block0 is the entry)".to_string());
        return;
    }
    if func.layout.first() != Some(&func.entry()) {
        errors.at_function("the entry block0 is not first in the layout".to_string());
    }
    let mut seen = vec![false; func.blocks.len()];
    for &block in &func.layout {
        match seen.get_mut(block.index()) {
            None => errors.at_function(format!("the layout lists {block}, which does not exist")),
            Some(true) => errors.at_block(block, "block appears twice in the layout".to_string()),
            Some(seen) => *seen = true,
        }
    }
    for (index, seen) in seen.iter().enumerate() {
        if !seen {
            let block = Block(u32::try_from(index).unwrap_or(u32::MAX));
            errors.at_block(block, "block is not in the layout".to_string());
        }
    }
}

/// Where each instruction is listed first: `(block, position)`. Reports instructions that
/// do not exist, are listed more than once, or are in no block.
fn check_membership(errors: &mut Errors<'_>, order: &[Block]) -> Vec<Option<(Block, usize)>> {
    let func = errors.func;
    let mut homes: Vec<Option<(Block, usize)>> = vec![None; func.insts.len()];
    for &block in order {
        let Some(data) = func.blocks.get(block.index()) else {
            continue;
        };
        for (position, &inst) in data.insts.iter().enumerate() {
            match homes.get_mut(inst.index()) {
                None => errors.at_block(block, format!("block lists {inst}, which does not exist")),
                Some(Some((other, _))) => {
                    let other = *other;
                    errors.at_inst(
                        block,
                        inst,
                        format!("instruction is also listed in {other}"),
                    )
                }
                Some(home) => *home = Some((block, position)),
            }
        }
    }
    for (index, home) in homes.iter().enumerate() {
        if home.is_none() {
            let inst = Inst(u32::try_from(index).unwrap_or(u32::MAX));
            errors.push(
                describe_inst(func, inst),
                "instruction is in no block".to_string(),
            );
        }
    }
    homes
}

/// Where a value is defined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DefSite {
    /// A parameter of the block.
    Param(Block),
    /// The result of the instruction at this position of the block.
    Inst(Block, usize),
}

impl DefSite {
    fn block(self) -> Block {
        match self {
            DefSite::Param(block) | DefSite::Inst(block, _) => block,
        }
    }
}

/// Where each value is defined, reporting parameters and results whose [`ValueDef`] does not
/// point back at them and values that nothing defines.
fn check_definitions(
    errors: &mut Errors<'_>,
    order: &[Block],
    homes: &[Option<(Block, usize)>],
) -> Vec<Option<DefSite>> {
    let func = errors.func;
    let mut defs: Vec<Option<DefSite>> = vec![None; func.values.len()];
    for &block in order {
        let Some(data) = func.blocks.get(block.index()) else {
            continue;
        };
        for (index, &param) in data.params.iter().enumerate() {
            let expected = ValueDef::Param(block, u32::try_from(index).unwrap_or(u32::MAX));
            match func.values.get(param.index()) {
                None => errors.at_block(
                    block,
                    format!("parameter {param} is not in the value table"),
                ),
                Some(value) if value.def != expected => errors.at_block(
                    block,
                    format!(
                        "parameter {param} is recorded as {}, not {}",
                        describe_def(value.def),
                        describe_def(expected)
                    ),
                ),
                Some(_) => {
                    if let Some(def) = defs.get_mut(param.index())
                        && def.is_none()
                    {
                        *def = Some(DefSite::Param(block));
                    }
                }
            }
        }
    }
    for (index, home) in homes.iter().enumerate() {
        let inst = Inst(u32::try_from(index).unwrap_or(u32::MAX));
        let (Some((block, position)), Some(data)) = (home, func.insts.get(index)) else {
            continue;
        };
        let Some(result) = data.result else { continue };
        match func.values.get(result.index()) {
            None => errors.at_inst(
                *block,
                inst,
                format!("result {result} is not in the value table"),
            ),
            Some(value) if value.def != ValueDef::Result(inst) => errors.at_inst(
                *block,
                inst,
                format!("result {result} is recorded as {}", describe_def(value.def)),
            ),
            Some(_) => {
                if let Some(def) = defs.get_mut(result.index())
                    && def.is_none()
                {
                    *def = Some(DefSite::Inst(*block, *position));
                }
            }
        }
    }
    for (index, def) in defs.iter().enumerate() {
        if def.is_none() {
            let value = Value(u32::try_from(index).unwrap_or(u32::MAX));
            errors.at_function(format!(
                "{value} ({}) is not defined by any block parameter or instruction in a block",
                func.values
                    .get(index)
                    .map_or(String::new(), |v| describe_def(v.def))
            ));
        }
    }
    defs
}

/// Terminators, the entry's parameters and exception handlers.
fn check_blocks(errors: &mut Errors<'_>, order: &[Block]) {
    let func = errors.func;
    if let Some(entry) = func.blocks.first()
        && entry.params.len() != func.params.len()
    {
        errors.at_block(
            func.entry(),
            format!(
                "the entry block has {} parameters, but the signature has {}",
                entry.params.len(),
                func.params.len()
            ),
        );
    }
    let mut handlers: Vec<Block> = Vec::new();
    for &block in order {
        let Some(data) = func.blocks.get(block.index()) else {
            continue;
        };
        let Some((&last, body)) = data.insts.split_last() else {
            errors.at_block(
                block,
                "block is empty: it must end with a terminator".to_string(),
            );
            continue;
        };
        for &inst in body {
            if func
                .insts
                .get(inst.index())
                .is_some_and(|d| d.kind.is_terminator())
            {
                errors.at_inst(
                    block,
                    inst,
                    "terminator before the end of the block".to_string(),
                );
            }
        }
        if func
            .insts
            .get(last.index())
            .is_some_and(|d| !d.kind.is_terminator())
        {
            errors.at_block(block, "block does not end with a terminator".to_string());
        }
        if let Some(handler) = data.handler {
            if func.blocks.get(handler.index()).is_none() {
                errors.at_block(block, format!("exception handler {handler} does not exist"));
            } else if !handlers.contains(&handler) {
                handlers.push(handler);
            }
        }
    }
    for handler in handlers {
        let count = func
            .blocks
            .get(handler.index())
            .map_or(0, |d| d.params.len());
        if count != 1 {
            errors.at_block(
                handler,
                format!("an exception handler must have exactly one parameter, this has {count}"),
            );
        }
    }
}

/// Dominance over the CFG with every block split at its exception edge: node `2b` is the
/// top of block `b` (its parameters, where the handler edge leaves), node `2b + 1` its body
/// (its instructions, where the branches leave). A value defined by an instruction of `d`
/// dominates a use in another block `u` iff node `2d + 1` dominates node `2u`.
fn split_dominance(func: &Function) -> Dominance {
    let mut successors: Vec<Vec<usize>> = Vec::with_capacity(2 * func.blocks.len());
    for (index, data) in func.blocks.iter().enumerate() {
        let block = Block(u32::try_from(index).unwrap_or(u32::MAX));
        let mut top = vec![2 * index + 1];
        top.extend(data.handler.map(|h| h.index().saturating_mul(2)));
        successors.push(top);
        let handler = data.handler;
        let mut branches = block_successors(func, block);
        // `block_successors` ends with the handler edge, which leaves from the top instead.
        if handler.is_some() {
            branches.pop();
        }
        successors.push(
            branches
                .iter()
                .map(|b| b.index().saturating_mul(2))
                .collect(),
        );
    }
    Dominance::compute(&successors, 2 * func.entry().index())
}

/// `a ⊑ b`. Equal types always are: [`Type::is_subtype_of`] is defined through `join`, which
/// widens types nested deeper than [`crate::types::MAX_DEPTH`] to `dyn`, so on its own it
/// says a deep type is not a subtype of itself.
fn is_subtype(a: &Type, b: &Type) -> bool {
    a == b || a.is_subtype_of(b)
}

/// Where an instruction sits, for the dominance check of its operands.
struct UseContext<'a> {
    block: Block,
    position: usize,
    reachable: bool,
    defs: &'a [Option<DefSite>],
    dominators: &'a DominatorTree,
    split: &'a Dominance,
}

fn check_inst(errors: &mut Errors<'_>, inst: Inst, context: &UseContext<'_>) {
    let func = errors.func;
    let block = context.block;
    let Some(data) = func.insts.get(inst.index()) else {
        return;
    };
    let ty = |value: Value| func.values.get(value.index()).map(|v| &v.ty);

    match (data.kind.has_result(), data.result) {
        (true, None) => errors.at_inst(block, inst, "instruction must have a result".to_string()),
        (false, Some(_)) => errors.at_inst(
            block,
            inst,
            "instruction must not have a result".to_string(),
        ),
        _ => {}
    }
    if context.reachable
        && let Some(result) = data.result
        && ty(result) == Some(&Type::Never)
    {
        errors.at_inst(
            block,
            inst,
            format!("{result} has type never in a reachable block"),
        );
    }

    for value in data.kind.operands() {
        check_use(errors, inst, value, context);
    }

    match &data.kind {
        InstKind::FreeVar(index) if *index as usize >= func.freevars.len() => {
            errors.at_inst(
                block,
                inst,
                format!(
                    "freevar {index} does not exist: the function has {} free variables",
                    func.freevars.len()
                ),
            );
        }
        InstKind::Yield(_) if !func.is_generator => {
            errors.at_inst(
                block,
                inst,
                "yield in a function that is not a generator".to_string(),
            );
        }
        InstKind::Assume(_, assumed) => {
            if let Some(result) = data.result
                && let Some(result_ty) = ty(result)
                && result_ty != assumed
            {
                errors.at_inst(
                    block,
                    inst,
                    format!(
                        "assume's result {result} has type {result_ty}, not the assumed {assumed}"
                    ),
                );
            }
        }
        InstKind::Jump(call) => check_branch(errors, block, inst, call, None),
        InstKind::Brif(condition, then, otherwise) => {
            if let Some(cond_ty) = ty(*condition)
                && !cond_ty.is_subtype_of(&Type::Bool)
            {
                errors.at_inst(
                    block,
                    inst,
                    format!("brif condition {condition} has type {cond_ty}, not bool"),
                );
            }
            check_branch(errors, block, inst, then, None);
            check_branch(errors, block, inst, otherwise, None);
        }
        InstKind::IterNext(iterator, body, exit) => {
            let item = ty(*iterator).map(|t| (*iterator, t.element_type()));
            check_branch(errors, block, inst, body, Some(item));
            check_branch(errors, block, inst, exit, None);
        }
        _ => {}
    }
}

/// Checks that `value`, an operand of `inst`, is defined and dominates the use.
fn check_use(errors: &mut Errors<'_>, inst: Inst, value: Value, context: &UseContext<'_>) {
    let block = context.block;
    let Some(def) = context.defs.get(value.index()).copied().flatten() else {
        errors.at_inst(block, inst, format!("use of undefined value {value}"));
        return;
    };
    if !context.reachable {
        return;
    }
    let def_block = def.block();
    match def {
        DefSite::Param(_) if def_block == block => {}
        DefSite::Inst(_, position) if def_block == block => {
            if position >= context.position {
                errors.at_inst(
                    block,
                    inst,
                    format!("{value} is used before its definition"),
                );
            }
        }
        DefSite::Param(_) => {
            if !context.dominators.dominates(def_block, block) {
                errors.at_inst(
                    block,
                    inst,
                    format!("{value}, a parameter of {def_block}, does not dominate this use"),
                );
            }
        }
        DefSite::Inst(..) => {
            if !context
                .split
                .dominates(2 * def_block.index() + 1, 2 * block.index())
            {
                let message = if context.dominators.dominates(def_block, block) {
                    format!(
                        "{value}, defined in {def_block}, does not dominate this use: an \
                         exception in {def_block} reaches here before {value} is defined"
                    )
                } else {
                    format!("{value}, defined in {def_block}, does not dominate this use")
                };
                errors.at_inst(block, inst, message);
            }
        }
    }
}

/// Checks a branch's target, arity and argument types. `item` is set for `iter.next`'s body
/// target: the iterator and the type of the item passed as the first parameter (`None` when
/// the iterator is not in the value table).
fn check_branch(
    errors: &mut Errors<'_>,
    block: Block,
    inst: Inst,
    call: &BlockCall,
    item: Option<Option<(Value, Type)>>,
) {
    let func = errors.func;
    let target = call.block;
    let Some(params) = func.blocks.get(target.index()).map(|d| &d.params) else {
        errors.at_inst(
            block,
            inst,
            format!("branch to {target}, which does not exist"),
        );
        return;
    };
    let ty = |value: Value| func.values.get(value.index()).map(|v| &v.ty);
    let mut params: &[Value] = params;
    if let Some(item) = item {
        let Some((&first, rest)) = params.split_first() else {
            errors.at_inst(
                block,
                inst,
                format!("iter.next target {target} has no parameter for the item"),
            );
            return;
        };
        params = rest;
        if let Some((iterator, item_ty)) = item
            && let Some(param_ty) = ty(first)
            && !is_subtype(&item_ty, param_ty)
        {
            errors.at_inst(
                block,
                inst,
                format!(
                    "item type {item_ty} of iterator {iterator} is not a subtype of {target}'s \
                     parameter {first}: {param_ty}"
                ),
            );
        }
    }
    if call.args.len() != params.len() {
        errors.at_inst(
            block,
            inst,
            format!(
                "branch to {target} passes {} arguments, it expects {}",
                call.args.len(),
                params.len()
            ),
        );
        return;
    }
    for (&arg, &param) in call.args.iter().zip(params) {
        if let (Some(arg_ty), Some(param_ty)) = (ty(arg), ty(param))
            && !is_subtype(arg_ty, param_ty)
        {
            errors.at_inst(
                block,
                inst,
                format!(
                    "argument {arg}: {arg_ty} is not a subtype of {target}'s parameter {param}: {param_ty}"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::parse::parse_function;

    fn parse(text: &str) -> Function {
        match parse_function(text) {
            Ok(func) => func,
            Err(e) => panic!("{e}\n{text}"),
        }
    }

    /// Verifies `func` and compares the errors, one per line, with `expect`.
    fn check_func(func: &Function, expect: Expect) {
        let actual = match verify(func) {
            Ok(()) => String::new(),
            Err(errors) => errors.iter().map(|e| format!("{e}\n")).collect(),
        };
        expect.assert_eq(&actual);
    }

    fn check(text: &str, expect: Expect) {
        check_func(&parse(text), expect);
    }

    #[test]
    fn valid_function() {
        check(
            "function \"f\"(n) {
block0(v0: int):
    v1: iter[int] = iter v0 @0..1 #0
    jump block1(v0) @0..1 #1
block1(v2: int):
    iter.next v1, block2(v2), block3 @0..1 #2
block2(v3: int, v4: int):
    v5: int = add v3, v4 @0..1 #3
    jump block1(v5) @0..1 #4
block3:
    return v2 @0..1 #5
}
",
            expect![[""]],
        );
    }

    #[test]
    fn terminators() {
        check(
            "function \"f\"() {
block0:
    v0: none = const.none @0..1 #0
    return v0 @0..1 #1
    return v0 @0..1 #2
block1:
    v1: none = const.none @0..1 #3
block2:
}
",
            expect![[r#"
                block0, return v0 @0..1 #1: terminator before the end of the block
                block1: block does not end with a terminator
                block2: block is empty: it must end with a terminator
            "#]],
        );
    }

    #[test]
    fn layout() {
        let text = "function \"f\"() {
block0:
    jump block1 @0..1 #0
block1:
    unreachable @0..1 #1
}
";
        let mut func = parse(text);
        func.layout = vec![Block(1), Block(1), Block(7)];
        check_func(
            &func,
            expect![[r#"
                function "f": the entry block0 is not first in the layout
                block1: block appears twice in the layout
                function "f": the layout lists block7, which does not exist
                block0: block is not in the layout
            "#]],
        );
        check_func(
            &Function::default(),
            expect![[r#"
                function "": the function has no blocks (block0 is the entry)
            "#]],
        );
    }

    #[test]
    fn instruction_and_value_tables() {
        let text = "function \"f\"() {
block0:
    v0: int = const.int 1 @0..1 #0
    v1: int = const.int 2 @0..1 #1
    jump block1(v0) @0..1 #2
block1(v2: int):
    return v2 @0..1 #3
}
";
        let mut func = parse(text);
        // inst1 listed twice, inst0 in no block, a phantom inst9.
        func.blocks[0].insts = vec![Inst(1), Inst(1), Inst(9), Inst(2)];
        // v2's definition claims a different parameter slot.
        func.values[2].def = ValueDef::Param(Block(1), 3);
        check_func(
            &func,
            expect![[r#"
                block0, v1 = const.int 2 @0..1 #1: instruction is also listed in block0
                block0: block lists inst9, which does not exist
                v0 = const.int 1 @0..1 #0: instruction is in no block
                block1: parameter v2 is recorded as parameter 3 of block1, not parameter 0 of block1
                function "f": v0 (the result of inst0) is not defined by any block parameter or instruction in a block
                function "f": v2 (parameter 3 of block1) is not defined by any block parameter or instruction in a block
                block0, jump block1(v0) @0..1 #2: use of undefined value v0
                block1, return v2 @0..1 #3: use of undefined value v2
            "#]],
        );
    }

    #[test]
    fn results() {
        let text = "function \"f\"() {
block0:
    v0: int = const.int 1 @0..1 #0
    return v0 @0..1 #1
}
";
        let mut func = parse(text);
        func.insts[1].result = Some(Value(0));
        func.insts[0].result = None;
        check_func(
            &func,
            expect![[r#"
                block0, v0 = return v0 @0..1 #1: result v0 is recorded as the result of inst0
                function "f": v0 (the result of inst0) is not defined by any block parameter or instruction in a block
                block0, const.int 1 @0..1 #0: instruction must have a result
                block0, v0 = return v0 @0..1 #1: instruction must not have a result
                block0, v0 = return v0 @0..1 #1: use of undefined value v0
            "#]],
        );
    }

    #[test]
    fn use_before_definition() {
        check(
            "function \"f\"() {
block0:
    v0: int = add v1, v1 @0..1 #0
    v1: int = const.int 1 @0..1 #1
    v2: int = add v2, v1 @0..1 #2
    return v0 @0..1 #3
}
",
            expect![[r#"
                block0, v0 = add v1, v1 @0..1 #0: v1 is used before its definition
                block0, v0 = add v1, v1 @0..1 #0: v1 is used before its definition
                block0, v2 = add v2, v1 @0..1 #2: v2 is used before its definition
            "#]],
        );
    }

    #[test]
    fn dominance_across_blocks() {
        check(
            "function \"f\"(c) {
block0(v0: bool):
    brif v0, block1, block2 @0..1 #0
block1:
    v1: int = const.int 1 @0..1 #1
    jump block3 @0..1 #2
block2(v3: int):
    jump block3 @0..1 #3
block3:
    v2: int = add v1, v3 @0..1 #4
    return v2 @0..1 #5
}
",
            expect![[r#"
                block0, brif v0, block1, block2 @0..1 #0: branch to block2 passes 0 arguments, it expects 1
                block3, v2 = add v1, v3 @0..1 #4: v1, defined in block1, does not dominate this use
                block3, v2 = add v1, v3 @0..1 #4: v3, a parameter of block2, does not dominate this use
            "#]],
        );
    }

    #[test]
    fn handler_does_not_see_values_of_the_protected_block() {
        check(
            "function \"f\"() {
block0 catch block1:
    v0: dyn = builtin.load \"g\" @0..1 #0
    v1: dyn = call v0() @0..1 #1
    return v1 @0..1 #2
block1(v2: dyn):
    jump block2 @0..1 #3
block2:
    return v0 @0..1 #4
}
",
            expect![[r#"
                block2, return v0 @0..1 #4: v0, defined in block0, does not dominate this use: an exception in block0 reaches here before v0 is defined
            "#]],
        );
    }

    #[test]
    fn unreachable_blocks_skip_dominance_only() {
        check(
            "function \"f\"() {
block0:
    v0: none = const.none @0..1 #0
    return v0 @0..1 #1
block1:
    v1: never = add v2, v2 @0..1 #2
    v2: never = add v1, v1 @0..1 #3
    brif v1, block0, block0(v1) @0..1 #4
}
",
            expect![[r#"
                block1, brif v1, block0, block0(v1) @0..1 #4: branch to block0 passes 1 arguments, it expects 0
            "#]],
        );
    }

    #[test]
    fn branch_arity() {
        check(
            "function \"f\"(x) {
block0(v0: list[int]):
    v1: iter[int] = iter v0 @0..1 #0
    iter.next v1, block1(v0), block2(v0) @0..1 #1
block1:
    jump block2 @0..1 #2
block2(v2: dyn):
    iter.next v1, block2, block1 @0..1 #3
}
",
            expect![[r#"
                block0, iter.next v1, block1(v0), block2(v0) @0..1 #1: iter.next target block1 has no parameter for the item
                block1, jump block2 @0..1 #2: branch to block2 passes 0 arguments, it expects 1
            "#]],
        );
    }

    #[test]
    fn handler_parameters() {
        check(
            "function \"f\"() {
block0 catch block1:
    jump block2 @0..1 #0
block1:
    unreachable @0..1 #1
block2 catch block3:
    unreachable @0..1 #2
block3(v0: dyn, v1: dyn):
    unreachable @0..1 #3
block4 catch block1:
    jump block3(v0, v1) @0..1 #4
}
",
            expect![[r#"
                block1: an exception handler must have exactly one parameter, this has 0
                block3: an exception handler must have exactly one parameter, this has 2
            "#]],
        );
    }

    #[test]
    fn branch_types() {
        check(
            "function \"f\"(x, y) {
block0(v0: list[str], v1: int):
    v2: iter[str] = iter v0 @0..1 #0
    v3: list[dyn] = build.list (v1) @0..1 #1
    brif v1, block1(v1), block2(v3) @0..1 #2
block1(v4: dyn):
    iter.next v2, block3, block4 @0..1 #3
block2(v5: list[int]):
    unreachable @0..1 #4
block3(v6: int):
    unreachable @0..1 #5
block4:
    unreachable @0..1 #6
}
",
            expect![[r#"
                block0, brif v1, block1(v1), block2(v3) @0..1 #2: brif condition v1 has type int, not bool
                block0, brif v1, block1(v1), block2(v3) @0..1 #2: argument v3: list[dyn] is not a subtype of block2's parameter v5: list[int]
                block1, iter.next v2, block3, block4 @0..1 #3: item type str of iterator v2 is not a subtype of block3's parameter v6: int
            "#]],
        );
    }

    #[test]
    fn deep_types_are_subtypes_of_themselves() {
        check(
            "function \"f\"(x) {
block0(v0: list[list[list[list[list[int]]]]]):
    jump block1(v0) @0..1 #0
block1(v1: list[list[list[list[list[int]]]]]):
    return v1 @0..1 #1
}
",
            expect![[""]],
        );
    }

    #[test]
    fn assume_and_never() {
        check(
            "function \"f\"(x) {
block0(v0: dyn):
    v1: dyn = assume v0, int @0..1 #0
    v2: int = assume v0, int @0..1 #1
    v3: never = neg v2 @0..1 #2
    jump block1(v3) @0..1 #3
block1(v4: never):
    return v4 @0..1 #4
}
",
            expect![[r#"
                block0, v1 = assume v0, int @0..1 #0: assume's result v1 has type dyn, not the assumed int
                block0, v3 = neg v2 @0..1 #2: v3 has type never in a reachable block
                block1: parameter v4 has type never in a reachable block
            "#]],
        );
    }

    #[test]
    fn function_level_rules() {
        check(
            "function \"f\"(a, b) freevars(\"x\") {
block0(v0: dyn):
    v1: dyn = freevar 0 @0..1 #0
    v2: dyn = freevar 1 @0..1 #1
    v3: dyn = yield v1 @0..1 #1
    return v3 @0..1 #3
}
",
            expect![[r#"
                block0: the entry block has 1 parameters, but the signature has 2
                block0, v2 = freevar 1 @0..1 #1: freevar 1 does not exist: the function has 1 free variables
                block0, v3 = yield v1 @0..1 #1: site #1 is used twice
                block0, v3 = yield v1 @0..1 #1: yield in a function that is not a generator
            "#]],
        );
    }

    #[test]
    fn out_of_range_references_do_not_panic() {
        let text = "function \"f\"() {
block0 catch block1:
    v0: int = const.int 1 @0..1 #0
    jump block1(v0) @0..1 #1
block1(v1: dyn):
    return v1 @0..1 #2
}
";
        let mut func = parse(text);
        func.blocks[0].handler = Some(Block(40));
        func.blocks[1].params = vec![Value(77)];
        if let InstKind::Jump(call) = &mut func.insts[1].kind {
            call.args = vec![Value(99)];
        }
        func.insts[2].kind = InstKind::Brif(
            Value(5),
            BlockCall {
                block: Block(9),
                args: vec![],
            },
            BlockCall {
                block: Block(0),
                args: vec![],
            },
        );
        check_func(
            &func,
            expect![[r#"
                block1: parameter v77 is not in the value table
                function "f": v1 (parameter 0 of block1) is not defined by any block parameter or instruction in a block
                block0: exception handler block40 does not exist
                block0, jump block1(v99) @0..1 #1: use of undefined value v99
                block1, brif v5, block9, block0 @0..1 #2: use of undefined value v5
                block1, brif v5, block9, block0 @0..1 #2: branch to block9, which does not exist
            "#]],
        );
    }
}
