//! Document symbols (the outline): classes, functions, methods and nested functions from the
//! parsed module, plus module-level variables (first binding of each name).

use molt_db::{Db, SourceFile, parse};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use tower_lsp_server::ls_types::{DocumentSymbol, SymbolKind};

use super::text::LineIndex;

/// The symbols of `file`, nested (methods inside their class, nested functions inside their
/// function), in source order.
pub fn document_symbols(db: &dyn Db, file: SourceFile) -> Vec<DocumentSymbol> {
    let text = file.text(db);
    let index = LineIndex::new(text);
    let parsed = parse(db, file);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    let cx = Cx {
        text,
        index: &index,
    };
    for stmt in &parsed.parsed().syntax().body {
        cx.statement(stmt, false, &mut out);
        if let Some(symbols) = module_variables(&cx, stmt, &mut seen) {
            out.extend(symbols);
        }
    }
    out
}

struct Cx<'t> {
    text: &'t str,
    index: &'t LineIndex,
}

impl Cx<'_> {
    fn statement(&self, stmt: &Stmt, in_class: bool, out: &mut Vec<DocumentSymbol>) {
        match stmt {
            Stmt::FunctionDef(def) => {
                let mut children = Vec::new();
                for s in &def.body {
                    self.nested(s, &mut children);
                }
                out.push(self.symbol(
                    def.name.as_str(),
                    Some(self.signature(def)),
                    if in_class {
                        SymbolKind::METHOD
                    } else {
                        SymbolKind::FUNCTION
                    },
                    def.range,
                    def.name.range,
                    children,
                ));
            }
            Stmt::ClassDef(class) => {
                let mut children = Vec::new();
                for s in &class.body {
                    self.statement(s, true, &mut children);
                }
                out.push(self.symbol(
                    class.name.as_str(),
                    None,
                    SymbolKind::CLASS,
                    class.range,
                    class.name.range,
                    children,
                ));
            }
            _ => {}
        }
    }

    /// Definitions nested in a function body, also inside `if`/`for`/`while`/`try`/`with`.
    fn nested(&self, stmt: &Stmt, out: &mut Vec<DocumentSymbol>) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => self.statement(stmt, false, out),
            Stmt::If(s) => {
                s.body.iter().for_each(|s| self.nested(s, out));
                for clause in &s.elif_else_clauses {
                    clause.body.iter().for_each(|s| self.nested(s, out));
                }
            }
            Stmt::For(ast::StmtFor { body, orelse, .. })
            | Stmt::While(ast::StmtWhile { body, orelse, .. }) => {
                body.iter().chain(orelse).for_each(|s| self.nested(s, out));
            }
            Stmt::With(s) => s.body.iter().for_each(|s| self.nested(s, out)),
            Stmt::Try(s) => {
                let handlers = s.handlers.iter().flat_map(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    h.body.iter()
                });
                s.body
                    .iter()
                    .chain(handlers)
                    .chain(&s.orelse)
                    .chain(&s.finalbody)
                    .for_each(|s| self.nested(s, out));
            }
            _ => {}
        }
    }

    /// `(a, b: int) -> int` from the source, whitespace collapsed.
    fn signature(&self, def: &ast::StmtFunctionDef) -> String {
        let slice = |r: TextRange| self.text.get(r.start().to_usize()..r.end().to_usize());
        let params = slice(def.parameters.range).unwrap_or("(…)");
        let mut sig = params.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(returns) = def.returns.as_deref().and_then(|r| slice(r.range())) {
            sig.push_str(" -> ");
            sig.push_str(&returns.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        sig
    }

    #[allow(deprecated)] // `DocumentSymbol::deprecated` must be written; it is `None`.
    fn symbol(
        &self,
        name: &str,
        detail: Option<String>,
        kind: SymbolKind,
        range: TextRange,
        selection: TextRange,
        children: Vec<DocumentSymbol>,
    ) -> DocumentSymbol {
        DocumentSymbol {
            name: name.to_owned(),
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: self.index.range(self.text, range),
            selection_range: self.index.range(self.text, selection),
            children: (!children.is_empty()).then_some(children),
        }
    }
}

/// Symbols for the names a module-level assignment binds for the first time.
fn module_variables(
    cx: &Cx<'_>,
    stmt: &Stmt,
    seen: &mut Vec<String>,
) -> Option<Vec<DocumentSymbol>> {
    let targets: Vec<&Expr> = match stmt {
        Stmt::Assign(a) => a.targets.iter().collect(),
        Stmt::AnnAssign(a) => vec![&a.target],
        _ => return None,
    };
    let mut names = Vec::new();
    for target in targets {
        collect_names(target, &mut names);
    }
    let mut out = Vec::new();
    for name in names {
        let id = name.id.as_str();
        if seen.iter().any(|s| s == id) {
            continue;
        }
        seen.push(id.to_owned());
        let constant = id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit());
        let kind = if constant {
            SymbolKind::CONSTANT
        } else {
            SymbolKind::VARIABLE
        };
        out.push(cx.symbol(id, None, kind, stmt.range(), name.range, Vec::new()));
    }
    Some(out)
}

fn collect_names<'a>(target: &'a Expr, out: &mut Vec<&'a ast::ExprName>) {
    match target {
        Expr::Name(n) => out.push(n),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::Starred(s) => collect_names(&s.value, out),
        _ => {}
    }
}
