//! Source items: the units of incremental lowering.
//!
//! An *item* is a top-level `def` or a method `def` directly inside a top-level `class`. Its
//! text runs from the start of its first line (decorators and indentation included) to the end
//! of its body, and is stored **relative**: editing anything outside an item leaves its text,
//! and so its lowering, untouched; only the item's absolute `offset` changes, and only the
//! code that maps positions back to the file reads it.
//!
//! The *module skeleton* is the module's top-level code with every item body replaced by
//! `...`, and with the blank lines and comments between top-level statements dropped: it is
//! what `<module>` lowers from, so editing an item body or a comment between statements does
//! not re-run the module's lowering either. [`SkeletonMap`] maps skeleton offsets back to the
//! file.

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::{Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};

mod tracked {
    // Salsa generates undocumented accessors for tracked structs.
    #![allow(missing_docs)]
    use molt_db::SourceFile;

    /// A function item (see the module docs).
    #[salsa::tracked(debug)]
    pub struct FunctionItem<'db> {
        /// The file it lives in.
        #[returns(copy)]
        pub file: SourceFile,
        /// Qualified name: `f` or `Class.method` (identity).
        #[returns(ref)]
        pub qualname: String,
        /// Enclosing class, for methods (identity).
        #[returns(ref)]
        pub class_name: Option<String>,
        /// The item's text, from the start of its first line to the end of its body.
        #[tracked]
        #[returns(ref)]
        pub text: String,
        /// Absolute byte offset of the text's first byte in the file.
        #[tracked]
        #[returns(copy)]
        pub offset: u32,
        /// For an item the compiler wrote (the `__init__` of a dataclass,
        /// [`crate::dataclass_init`]), whose text is not in the file: the length of the
        /// file range from `offset` (the class's decorator) that its positions are clamped
        /// to. `None` for an item cut from the file.
        #[tracked]
        #[returns(copy)]
        pub synthetic: Option<u32>,
    }
}
pub use tracked::FunctionItem;

/// The file offset of the item-relative offset `rel` of `item`: `offset + rel`, clamped to
/// the decorator's range for a synthetic item ([`FunctionItem::synthetic`]).
pub fn item_file_offset(db: &dyn Db, item: FunctionItem<'_>, rel: u32) -> u32 {
    match item.synthetic(db) {
        Some(len) => item.offset(db).saturating_add(rel.min(len)),
        None => item.offset(db).saturating_add(rel),
    }
}

/// The file length an item's positions cover: its text's, or the clamp range of a
/// synthetic item.
pub fn item_file_len(db: &dyn Db, item: FunctionItem<'_>) -> u32 {
    item.synthetic(db)
        .unwrap_or_else(|| item.text(db).len() as u32)
}

/// The compiled `__init__` of each top-level class statement of `file` that gets one, in
/// source order (`None` for the others).
fn dataclass_inits(
    db: &dyn Db,
    file: SourceFile,
) -> impl Iterator<Item = Option<&crate::dataclass_init::DataclassInit>> {
    crate::index::module_index(db, file)
        .classes
        .iter()
        .map(|c| c.dataclass_init.as_ref())
}

/// The items of one file, in source order.
#[derive(Clone, PartialEq, Eq, Debug, salsa::SalsaValue)]
pub struct ModuleItems<'db> {
    /// Function and method items.
    pub functions: Vec<FunctionItem<'db>>,
}

/// Finds the items of `file` (see the module docs). Re-runs after every edit of the file;
/// the items it returns keep their identity (file and qualified name), so queries over an
/// item whose text did not change are not re-run.
#[salsa::tracked(returns(ref))]
pub fn module_items(db: &dyn Db, file: SourceFile) -> ModuleItems<'_> {
    let parsed = parse(db, file);
    let text = file.text(db);
    let mut functions = Vec::new();
    let mut names = ItemNames::default();
    let add = |names: &mut ItemNames, def: &StmtFunctionDef, class: Option<&str>| {
        let range = item_range(text, def);
        let qualname = names.next(class, def.name.as_str());
        let item_text = text[range.start().to_usize()..range.end().to_usize()].to_owned();
        (qualname, item_text, range.start().to_u32())
    };
    let mut inits = dataclass_inits(db, file);
    for stmt in &parsed.parsed().syntax().body {
        match stmt {
            Stmt::FunctionDef(def) => {
                let (qualname, item_text, offset) = add(&mut names, def, None);
                functions.push(FunctionItem::new(
                    db, file, qualname, None, item_text, offset, None,
                ));
            }
            Stmt::ClassDef(class) => {
                let class_name = Some(class.name.to_string());
                for s in &class.body {
                    if let Stmt::FunctionDef(def) = s {
                        let (qualname, item_text, offset) =
                            add(&mut names, def, Some(class.name.as_str()));
                        functions.push(FunctionItem::new(
                            db,
                            file,
                            qualname,
                            class_name.clone(),
                            item_text,
                            offset,
                            None,
                        ));
                    }
                }
                if let (Some(Some(init)), Some(decorator)) =
                    (inits.next(), class.decorator_list.first())
                {
                    // Named after the methods, as the skeleton adds its `def` after them.
                    let qualname = names.next(Some(class.name.as_str()), "__init__");
                    functions.push(FunctionItem::new(
                        db,
                        file,
                        qualname,
                        class_name,
                        init.item_text(),
                        decorator.range().start().to_u32(),
                        Some(decorator.range().len().to_u32()),
                    ));
                }
            }
            _ => {}
        }
    }
    ModuleItems { functions }
}

/// Gives items their identity: the qualified name (`f`, `C.m`), with a `#N` suffix for the
/// N-th item of the same name in the file (`C.x#2` for a property's setter, a function
/// defined twice), which `#` keeps apart from any Python name. The lowering of `<module>`
/// names the function objects it creates for items the same way, in the same order.
#[derive(Default)]
pub struct ItemNames(std::collections::HashMap<String, u32>);

impl ItemNames {
    /// The name of the next item `def name` (in `class`, for a method).
    pub fn next(&mut self, class: Option<&str>, name: &str) -> String {
        let qualname = match class {
            Some(c) => format!("{c}.{name}"),
            None => name.to_owned(),
        };
        let n = self.0.entry(qualname.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            qualname
        } else {
            format!("{qualname}#{n}")
        }
    }

    /// How many items are named `qualname` (without suffix).
    pub fn count(&self, qualname: &str) -> u32 {
        self.0.get(qualname).copied().unwrap_or(0)
    }

    /// The item names and their counts.
    pub fn counts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// The text range of an item: from the start of the line of its first decorator (or `def`)
/// to the end of the def.
fn item_range(text: &str, def: &StmtFunctionDef) -> TextRange {
    let start = def
        .decorator_list
        .first()
        .map(|d| d.range().start())
        .unwrap_or(def.range().start())
        .min(def.range().start())
        .to_usize();
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    TextRange::new((line_start as u32).into(), def.range().end())
}

/// Bytes that the lowering puts in front of an indented item's text so that it parses as a
/// standalone module (`if 1:` makes the indented `def` a valid block).
pub const INDENTED_ITEM_PREFIX: &str = "if 1:\n";

/// The text to parse for an item and the number of prefix bytes to subtract from offsets in
/// the resulting tree to get item-relative offsets.
pub fn parseable_item_text(item_text: &str) -> (String, u32) {
    if item_text.starts_with([' ', '\t']) {
        (
            format!("{INDENTED_ITEM_PREFIX}{item_text}"),
            INDENTED_ITEM_PREFIX.len() as u32,
        )
    } else {
        (item_text.to_owned(), 0)
    }
}

/// The module skeleton (see the module docs). Position-free: equal after edits that only
/// touch item bodies or the space between top-level statements.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ModuleSkeleton {
    /// Python source of the top-level code with item bodies elided.
    pub text: String,
}

/// Piecewise map from skeleton offsets to file offsets.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SkeletonMap {
    /// `(skeleton_start, file_start, len)` for every stretch copied verbatim, sorted.
    pub segments: Vec<(u32, u32, u32)>,
}

impl SkeletonMap {
    /// The file offset of skeleton offset `offset` (offsets inside elided text map to the
    /// end of the preceding segment).
    pub fn to_file(&self, offset: u32) -> u32 {
        let i = self.segments.partition_point(|&(s, _, _)| s <= offset);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(&(s, f, len)) => f + (offset - s).min(len),
            None => offset,
        }
    }
}

/// Builds the skeleton and its map together (no_eq: the pieces are compared by the two
/// queries that split them).
#[salsa::tracked(returns(ref), no_eq)]
pub fn skeleton_parts(db: &dyn Db, file: SourceFile) -> (ModuleSkeleton, SkeletonMap) {
    let parsed = parse(db, file);
    let text = file.text(db);
    let mut skeleton = String::new();
    let mut map = SkeletonMap::default();
    let mut inits = dataclass_inits(db, file);
    let copy = |from: usize, to: usize, skeleton: &mut String, map: &mut SkeletonMap| {
        if to > from {
            map.segments
                .push((skeleton.len() as u32, from as u32, (to - from) as u32));
            skeleton.push_str(&text[from..to]);
        }
    };
    for stmt in &parsed.parsed().syntax().body {
        let range = stmt.range();
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        // Elided ranges: item bodies within this statement, in order.
        let mut elided: Vec<(usize, usize)> = Vec::new();
        match stmt {
            Stmt::FunctionDef(def) => elided.extend(body_range(def)),
            Stmt::ClassDef(class) => {
                for s in &class.body {
                    if let Stmt::FunctionDef(def) = s {
                        elided.extend(body_range(def));
                    }
                }
            }
            _ => {}
        }
        let mut pos = start;
        for (from, to) in elided {
            copy(pos, from, &mut skeleton, &mut map);
            skeleton.push_str("...");
            // An empty segment after the `...`: a span that ends there (a `def` or `class`
            // statement) ends where the elided body ends in the file.
            map.segments.push((skeleton.len() as u32, to as u32, 0));
            pos = to;
        }
        copy(pos, end, &mut skeleton, &mut map);
        if let Stmt::ClassDef(class) = stmt
            && let Some(Some(init)) = inits.next()
            && let (Some(decorator), Some(first)) =
                (class.decorator_list.first(), class.body.first())
        {
            // The compiled `__init__` of a dataclass and its marker, at the end of the
            // body with the indentation of its first statement (`dataclass_init::candidate`
            // checked it starts its line); positions in them map into the decorator (clamped
            // to its end), and the class statement still ends where it ends in the file.
            let first = first.range().start().to_usize();
            let line = text[..first].rfind('\n').map_or(0, |i| i + 1);
            map.segments.push((
                skeleton.len() as u32,
                decorator.range().start().to_u32(),
                decorator.range().len().to_u32(),
            ));
            skeleton.push_str(&init.skeleton_text(&text[line..first]));
            map.segments.push((skeleton.len() as u32, end as u32, 0));
        }
        skeleton.push('\n');
    }
    (ModuleSkeleton { text: skeleton }, map)
}

/// The elided part of an item's body: all of it but a docstring, which `<module>` needs
/// for the function's `__doc__`.
fn body_range(def: &StmtFunctionDef) -> Option<(usize, usize)> {
    let skip = usize::from(docstring(&def.body).is_some());
    let first = def.body.get(skip)?;
    Some((
        first.range().start().to_usize(),
        def.range().end().to_usize(),
    ))
}

/// The docstring of a function, class or module body: its first statement when that is a
/// string literal (CPython 3.11 keeps it verbatim).
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            ruff_python_ast::Expr::StringLiteral(lit) => Some(lit.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

/// The module skeleton of `file` (backdated when unchanged).
#[salsa::tracked(returns(ref))]
pub fn module_skeleton(db: &dyn Db, file: SourceFile) -> ModuleSkeleton {
    skeleton_parts(db, file).0.clone()
}

/// The skeleton-to-file offset map of `file`.
#[salsa::tracked(returns(ref))]
pub fn skeleton_map(db: &dyn Db, file: SourceFile) -> SkeletonMap {
    skeleton_parts(db, file).1.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use molt_db::RootDatabase;

    const SRC: &str = "from dataclasses import dataclass\n\n\n@dataclass\nclass V:\n    x: float\n    y: int = 0\n\n    def n(self):\n        return self.x\n\nprint(V(1.0))\n";

    #[test]
    fn a_dataclass_init_is_a_synthetic_item_mapped_to_the_decorator() {
        let db = RootDatabase::default();
        let file = SourceFile::new(&db, "m.py".into(), SRC.to_owned(), None);
        let items = &module_items(&db, file).functions;
        let names: Vec<&str> = items.iter().map(|i| i.qualname(&db).as_str()).collect();
        assert_eq!(names, ["V.n", "V.__init__"]);
        let (method, init) = (items[0], items[1]);
        let decorator = SRC.find("@dataclass").expect("decorator") as u32;
        assert_eq!(method.synthetic(&db), None);
        assert_eq!(init.synthetic(&db), Some("@dataclass".len() as u32));
        assert_eq!(init.offset(&db), decorator);
        assert_eq!(
            init.text(&db),
            "    def __init__(self, x: float, y: int = 0):\n        self.x = x\n        self.y = y"
        );
        // Positions clamp to the decorator; a method's are shifted.
        assert_eq!(item_file_offset(&db, init, 3), decorator + 3);
        assert_eq!(item_file_offset(&db, init, 1000), decorator + 10);
        assert_eq!(item_file_len(&db, init), 10);
        assert_eq!(item_file_offset(&db, method, 4), method.offset(&db) + 4);

        let skeleton = &module_skeleton(&db, file).text;
        let added = "\n    def __init__(self, x: float, y: int = 0): ...\n    __molt_dataclass_init__ = (('x', 'y', ), False)\n";
        let at = skeleton.find(added).expect("the def and the marker") as u32;
        let map = skeleton_map(&db, file);
        for offset in [at + 1, at + 20, at + added.len() as u32 - 2] {
            let f = map.to_file(offset);
            assert!((decorator..=decorator + 10).contains(&f), "{offset} -> {f}");
        }
        // The class statement still ends where it ends in the file.
        let class_end = SRC.find("\n\nprint").expect("end") as u32;
        assert_eq!(map.to_file(at + added.len() as u32 - 1), class_end);

        let index = crate::module_index(&db, file);
        let class = index.stable_class(db.intern("V")).expect("class");
        assert!(!class.decorated);
        assert!(class.dataclass_init.is_some());
        assert_eq!(class.slot_layout(), [db.intern("x"), db.intern("y")]);
        let sig = class.method(db.intern("__init__")).expect("__init__");
        let defaults: Vec<bool> = sig.params.iter().map(|p| p.has_default).collect();
        assert_eq!(defaults, [false, false, true]);
        assert!(index.metaclass_is_type(class));
    }

    #[test]
    fn a_rebound_decorator_name_gets_no_init() {
        let db = RootDatabase::default();
        let src = format!("{SRC}dataclass = None\n");
        let file = SourceFile::new(&db, "m.py".into(), src, None);
        let names: Vec<String> = module_items(&db, file)
            .functions
            .iter()
            .map(|i| i.qualname(&db).clone())
            .collect();
        assert_eq!(names, ["V.n"]);
        assert!(!module_skeleton(&db, file).text.contains("__init__"));
        let index = crate::module_index(&db, file);
        let class = index.stable_class(db.intern("V")).expect("class");
        assert!(class.decorated && class.dataclass_init.is_none());
    }
}
