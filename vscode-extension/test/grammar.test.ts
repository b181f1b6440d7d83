import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";

const grammar = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "syntaxes", "molt-ir.tmLanguage.json"), "utf8"),
);
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

interface Rule {
  match?: string;
  name?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
}

function rules(r: Rule): Rule[] {
  return [r, ...(r.patterns ?? []).flatMap(rules)];
}

const all: Rule[] = Object.values(grammar.repository as Record<string, Rule>).flatMap(rules);

/** The scope names a line gets from the rules that match somewhere in it (no nesting). */
function scopes(line: string): string[] {
  const out: string[] = [];
  for (const r of all) {
    if (!r.match) continue;
    const m = new RegExp(r.match).exec(line);
    if (!m) continue;
    if (r.name) out.push(r.name);
    for (const [i, c] of Object.entries(r.captures ?? {})) {
      if (m[Number(i)] !== undefined) out.push(c.name);
    }
  }
  return out;
}

test("the IR grammar is contributed for the molt-ir language", () => {
  assert.equal(grammar.scopeName, "source.molt-ir");
  const g = manifest.contributes.grammars[0];
  assert.equal(g.language, "molt-ir");
  assert.equal(g.scopeName, grammar.scopeName);
  assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === "molt-ir"));
});

test("every pattern compiles, and MIR lines get their scopes", () => {
  for (const r of all) {
    if (r.match) new RegExp(r.match);
  }
  assert.ok(scopes('function "Point.norm2"(self) {').includes("entity.name.function.molt-ir"));
  assert.ok(scopes("block0(v0: int):").includes("entity.name.label.molt-ir"));
  const dynamic = scopes("    v17: dyn = call v13(v14, v16) @202..227 #24  ; dynamic");
  assert.ok(dynamic.includes("invalid.deprecated.lane.dynamic.molt-ir"), dynamic.join(" "));
  assert.ok(dynamic.includes("keyword.operator.opcode.molt-ir"), dynamic.join(" "));
  assert.ok(dynamic.includes("comment.other.span.molt-ir"), dynamic.join(" "));
  const guarded = scopes("    v1: int = add v0, v0 @4..9 #2  ; guarded");
  assert.ok(guarded.includes("entity.name.tag.lane.guarded.molt-ir"), guarded.join(" "));
  assert.ok(!guarded.includes("invalid.deprecated.lane.dynamic.molt-ir"));
  // Spans as line:col too.
  assert.ok(scopes("    v1: int = add v0, v0 @3:5..3:9 #2").includes("comment.other.span.molt-ir"));
});
