//! Definitions in other modules: go to definition through imports.
//!
//! A name bound by an import leads to what the import binds, resolved as the build resolves
//! it (`molt_semantic::modules::resolve_module`, the file as the entry of a program whose
//! imports search the workspace paths): `import pkg.sub` (the name `pkg`) to `pkg`'s file,
//! `import pkg.sub as s` to `pkg/sub.py`, `from m import f` to the definition of `f` in
//! `m` (or to the submodule `m.f`). An attribute of such a module (`m.f`, `pkg.sub.f`)
//! leads to the definition of the attribute in that module. A definition that is itself an
//! import (a re-export) is followed, up to [`MAX_HOPS`] times. Relative imports start from
//! the file's package, found by walking up folders that hold an `__init__.py`.

use std::path::Path;

use molt_db::{Db, SourceFile, parse};
use molt_semantic::modules::{
    ModuleName, ModuleSource, Resolution, absolute_import_name, resolve_module,
};
use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
use ruff_python_ast::{self as ast, AnyNodeRef, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::navigation::{self, Definition};
use super::workspace::ImportPaths;

/// How many re-exports are followed at most.
pub const MAX_HOPS: usize = 8;

/// The definition of the name or module attribute at byte `offset` of `file` when it lies
/// in another file: that file and the range of the defining name (empty at the start of a
/// module's file for a module). `None` when the name is defined in `file` itself (see
/// `navigation`) or cannot be resolved.
pub fn definition(
    db: &dyn Db,
    file: SourceFile,
    offset: u32,
    paths: &ImportPaths,
) -> Option<(SourceFile, TextRange)> {
    let parsed = parse(db, file);
    let module = parsed.parsed().syntax();
    let program = paths.program(db, file);
    let package = package_of(file.path(db));
    let resolver = Resolver { db, program };
    // `m.f` / `pkg.sub.f`: the attribute at the cursor, on a chain of names.
    if let Some((chain, attr_index)) = attribute_chain_at(module, offset) {
        let base = navigation::name_at(module, chain[0].1.start().to_u32())?;
        let Definition::Variable { range, .. } = navigation::resolve(module, &base)? else {
            return None;
        };
        let binding = import_binding(module, range)?;
        let names: Vec<&str> = chain[1..=attr_index].iter().map(|(n, _)| *n).collect();
        return resolver.follow(&binding, package.as_deref(), &names, 0);
    }
    let at = navigation::name_at(module, offset)?;
    let Some(definition) = navigation::resolve(module, &at) else {
        // A name the file does not bind: one of its star imports may.
        if !matches!(at.occurrence, navigation::Occurrence::Name) {
            return None;
        }
        return resolver.through_star_imports(module, package.as_deref(), at.name, 0);
    };
    let Definition::Variable { range, .. } = definition else {
        return None;
    };
    let binding = import_binding(module, range)?;
    resolver.follow(&binding, package.as_deref(), &[], 0)
}

/// What an import statement binds to a name.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ImportBinding {
    /// `import a.b.c` binds `a` (`bound` = `a`), `import a.b as x` binds `a.b`.
    Module(String),
    /// `from <level dots><module> import name`.
    Name {
        /// Leading dots.
        level: u32,
        /// The module named (`""` for `from . import x`).
        module: String,
        /// The imported name.
        name: String,
    },
}

/// The import binding whose binding occurrence is `range` (as `navigation` reports it: an
/// `import` alias, or the bound name of a `from` import).
fn import_binding(module: &ast::ModModule, range: TextRange) -> Option<ImportBinding> {
    struct Finder {
        range: TextRange,
        found: Option<ImportBinding>,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if self.found.is_some() || !node.range().contains_range(self.range) {
                return TraversalSignal::Skip;
            }
            match node {
                AnyNodeRef::StmtImport(i) => {
                    for alias in &i.names {
                        if alias.range == self.range {
                            let name = match &alias.asname {
                                Some(_) => alias.name.to_string(),
                                None => alias.name.split('.').next().unwrap_or("").to_owned(),
                            };
                            self.found = Some(ImportBinding::Module(name));
                        }
                    }
                    TraversalSignal::Skip
                }
                AnyNodeRef::StmtImportFrom(i) => {
                    for alias in &i.names {
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                        if bound.range == self.range {
                            self.found = Some(ImportBinding::Name {
                                level: i.level,
                                module: i
                                    .module
                                    .as_ref()
                                    .map(|m| m.to_string())
                                    .unwrap_or_default(),
                                name: alias.name.to_string(),
                            });
                        }
                    }
                    TraversalSignal::Skip
                }
                _ => TraversalSignal::Traverse,
            }
        }
    }
    let mut finder = Finder { range, found: None };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
    }
    finder.found
}

/// The chain `a.b.c` of the attribute expression at `offset`, as (name, range) pairs from
/// the base name, when every link is a plain name; with the index of the attribute under
/// the cursor (at least 1).
fn attribute_chain_at(
    module: &ast::ModModule,
    offset: u32,
) -> Option<(Vec<(&str, TextRange)>, usize)> {
    struct Finder<'a> {
        offset: TextSize,
        found: Option<&'a ast::ExprAttribute>,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder<'a> {
        fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
            if !node.range().contains_inclusive(self.offset) {
                return TraversalSignal::Skip;
            }
            if let AnyNodeRef::ExprAttribute(a) = node
                && a.attr.range.contains_inclusive(self.offset)
            {
                self.found = Some(a);
            }
            TraversalSignal::Traverse
        }
    }
    let mut finder = Finder {
        offset: TextSize::new(offset),
        found: None,
    };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
    }
    let attribute = finder.found?;
    let mut chain = vec![(attribute.attr.as_str(), attribute.attr.range)];
    let mut value = &*attribute.value;
    loop {
        match value {
            Expr::Attribute(a) => {
                chain.push((a.attr.as_str(), a.attr.range));
                value = &a.value;
            }
            Expr::Name(n) => {
                chain.push((n.id.as_str(), n.range));
                break;
            }
            _ => return None,
        }
    }
    chain.reverse();
    let index = chain.len() - 1;
    Some((chain, index))
}

/// The package of the module in `path` for relative imports: the dotted names of the
/// folders above it that hold an `__init__.py` (the file's own folder first), `None` when
/// its folder is not a package.
fn package_of(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    let mut dir = path.parent();
    while let Some(d) = dir {
        if !d.join("__init__.py").is_file() {
            break;
        }
        parts.push(d.file_name()?.to_string_lossy().into_owned());
        dir = d.parent();
    }
    if parts.is_empty() {
        return None;
    }
    parts.reverse();
    Some(parts.join("."))
}

struct Resolver<'db> {
    db: &'db dyn Db,
    program: molt_semantic::modules::Program<'db>,
}

impl Resolver<'_> {
    /// The file of the workspace module `name`, if it resolves to one.
    fn module_file(&self, name: &str) -> Option<SourceFile> {
        match resolve_module(
            self.db,
            self.program,
            ModuleName::new(self.db, name.to_owned()),
        ) {
            Resolution::Found(ModuleSource::File { file, .. }) => Some(*file),
            _ => None,
        }
    }

    fn resolves(&self, name: &str) -> bool {
        matches!(
            resolve_module(
                self.db,
                self.program,
                ModuleName::new(self.db, name.to_owned())
            ),
            Resolution::Found(_)
        )
    }

    /// Where `binding` (in a module of package `package`), then the attributes `attrs` of
    /// what it binds, are defined.
    fn follow(
        &self,
        binding: &ImportBinding,
        package: Option<&str>,
        attrs: &[&str],
        hops: usize,
    ) -> Option<(SourceFile, TextRange)> {
        if hops > MAX_HOPS {
            return None;
        }
        let mut module = match binding {
            ImportBinding::Module(name) => name.clone(),
            ImportBinding::Name {
                level,
                module,
                name,
            } => {
                let base = absolute_import_name(module, *level, package)?;
                let sub = format!("{base}.{name}");
                if self.resolves(&sub) {
                    sub
                } else {
                    let mut rest = vec![name.as_str()];
                    rest.extend_from_slice(attrs);
                    return self.attribute(&base, &rest, hops);
                }
            }
        };
        // Submodules named by the attributes (`pkg.sub.f`), as far as they go.
        let mut used = 0;
        for attr in attrs {
            let sub = format!("{module}.{attr}");
            if !self.resolves(&sub) {
                break;
            }
            module = sub;
            used += 1;
        }
        self.attribute(&module, &attrs[used..], hops)
    }

    /// The definition of `attrs[0]` in the module `module` (the module itself for no
    /// attributes); further attributes are followed only through modules.
    fn attribute(
        &self,
        module: &str,
        attrs: &[&str],
        hops: usize,
    ) -> Option<(SourceFile, TextRange)> {
        let file = self.module_file(module)?;
        let Some((first, rest)) = attrs.split_first() else {
            return Some((file, TextRange::default()));
        };
        let parsed = parse(self.db, file);
        let syntax = parsed.parsed().syntax();
        let Some(binding) = navigation::module_binding(syntax, first) else {
            // Not bound in the module itself: through its star imports.
            if !rest.is_empty() {
                return None;
            }
            let package = package_of(file.path(self.db));
            return self.through_star_imports(syntax, package.as_deref(), first, hops + 1);
        };
        match binding {
            Definition::Variable { range, .. } => {
                // A re-export: follow the import that binds it.
                match import_binding(syntax, range) {
                    // A package's `__init__.py` is in its own folder: `package_of` gives the
                    // package itself, as relative imports in it need.
                    Some(binding) => {
                        let package = package_of(file.path(self.db));
                        self.follow(&binding, package.as_deref(), rest, hops + 1)
                    }
                    None if rest.is_empty() => Some((file, range)),
                    None => None,
                }
            }
            definition if rest.is_empty() => Some((file, definition.name_range()?)),
            _ => None,
        }
    }

    /// The definition of `name` that a module-level `from m import *` of `module` (in
    /// package `package`) binds: the last such import whose module binds it.
    fn through_star_imports(
        &self,
        module: &ast::ModModule,
        package: Option<&str>,
        name: &str,
        hops: usize,
    ) -> Option<(SourceFile, TextRange)> {
        if hops > MAX_HOPS {
            return None;
        }
        let mut stars = Vec::new();
        for stmt in &module.body {
            if let ast::Stmt::ImportFrom(i) = stmt
                && i.names.iter().any(|a| &a.name == "*")
            {
                stars.push(i);
            }
        }
        stars.iter().rev().find_map(|i| {
            let from = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
            let base = absolute_import_name(&from, i.level, package)?;
            self.attribute(&base, &[name], hops + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use molt_db::{RootDatabase, system_path_to_file};

    /// The file name and text of the definition found at the `|` of `main` (removed).
    fn jump(files: &[(&str, &str)], main: &str) -> Option<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let offset = main.find('|').unwrap() as u32;
        let text = main.replace('|', "");
        std::fs::write(dir.path().join("main.py"), &text).unwrap();
        let db = RootDatabase::default();
        let file = system_path_to_file(&db, &dir.path().join("main.py"));
        let (target, range) = definition(&db, file, offset, &ImportPaths::default())?;
        let name = target
            .path(&db)
            .strip_prefix(std::fs::canonicalize(dir.path()).unwrap())
            .or_else(|_| target.path(&db).strip_prefix(dir.path()))
            .unwrap()
            .display()
            .to_string();
        let body = target.text(&db);
        Some((
            name,
            body[range.start().to_usize()..range.end().to_usize()].to_owned(),
        ))
    }

    #[test]
    fn star_imported_names_lead_to_their_modules() {
        let files = [
            ("helper.py", "def f():\n    pass\nx = 1\n"),
            ("other.py", "__all__ = ['g']\ndef g():\n    pass\n"),
            ("pkg/__init__.py", "from .sub import *\n"),
            ("pkg/sub.py", "class K:\n    pass\n"),
        ];
        let found = |main: &str| jump(&files, main);
        let at = |file: &str, text: &str| Some((file.to_owned(), text.to_owned()));
        let head = "from helper import *\nfrom other import *\nfrom pkg import *\n";
        assert_eq!(found(&format!("{head}f|()\n")), at("helper.py", "f"));
        assert_eq!(found(&format!("{head}print(x|)\n")), at("helper.py", "x"));
        assert_eq!(found(&format!("{head}g|()\n")), at("other.py", "g"));
        // Through the star import of a package's `__init__`.
        assert_eq!(found(&format!("{head}K|()\n")), at("pkg/sub.py", "K"));
        assert_eq!(found(&format!("{head}nope|()\n")), None);
    }

    #[test]
    fn imports_lead_to_definitions_in_other_modules() {
        let files = [
            (
                "helper.py",
                "x = 1\ndef f():\n    pass\nclass C:\n    pass\n",
            ),
            ("pkg/__init__.py", "from .sub import g\n"),
            ("pkg/sub.py", "def g():\n    pass\n"),
        ];
        let found = |main: &str| jump(&files, main);
        let at = |file: &str, text: &str| Some((file.to_owned(), text.to_owned()));
        assert_eq!(found("from helper import f\nf|()\n"), at("helper.py", "f"));
        assert_eq!(
            found("from helper import f as h\nh|()\n"),
            at("helper.py", "f")
        );
        assert_eq!(found("import helper\nhelper.C|()\n"), at("helper.py", "C"));
        assert_eq!(found("import helper\nhelper.x|\n"), at("helper.py", "x"));
        assert_eq!(found("import helper\nhel|per.f()\n"), at("helper.py", ""));
        assert_eq!(
            found("import pkg.sub\npkg.sub.g|()\n"),
            at("pkg/sub.py", "g")
        );
        assert_eq!(
            found("import pkg.sub as s\ns.g|()\n"),
            at("pkg/sub.py", "g")
        );
        // A re-export in a package's `__init__.py` is followed.
        assert_eq!(found("from pkg import g\ng|()\n"), at("pkg/sub.py", "g"));
        assert_eq!(found("import pkg\npkg.g|()\n"), at("pkg/sub.py", "g"));
        // Submodules imported by `from`.
        assert_eq!(
            found("from pkg import sub\nsub|.g()\n"),
            at("pkg/sub.py", "")
        );
        assert_eq!(
            found("from pkg import sub\nsub.g|()\n"),
            at("pkg/sub.py", "g")
        );
        // Not defined anywhere, or defined here.
        assert_eq!(found("from helper import nope\nnope|()\n"), None);
        assert_eq!(found("def f(): pass\nf|()\n"), None);
    }
}
