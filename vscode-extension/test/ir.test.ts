import { strict as assert } from "assert";
import { test } from "node:test";

import { decodeQuery, encodeQuery, irFor, irPath, isVersionOf, splitFunctions } from "../src/ir";

const IR = `function "<module>"() {
block0:
    v0: dyn = call "print" @0..5 #0  ; dynamic
}

function "total"(n) {
block0(v0: int):
    v1: int = add v0, v0 @4..9 #2  ; guarded
}

function "total$1"(n) {
block0(v0: dyn):
    v1: dyn = add v0, v0 @4..9 #2  ; dynamic
}

function "totals"(n) {
block0(v0: dyn):
}
`;

test("MIR splits into functions", () => {
  const fs = splitFunctions(IR);
  assert.deepEqual(
    fs.map((f) => f.name),
    ["<module>", "total", "total$1", "totals"],
  );
  assert.ok(fs[1].text.startsWith('function "total"(n) {\n'));
  assert.ok(fs[1].text.endsWith("}\n"));
  assert.doesNotMatch(fs[1].text, /total\$1/);
});

test("the IR of a function has its versions and not the functions whose name extends it", () => {
  const ir = irFor(IR, "total");
  assert.match(ir, /function "total"\(n\)/);
  assert.match(ir, /function "total\$1"\(n\)/);
  assert.doesNotMatch(ir, /totals/);
  assert.doesNotMatch(ir, /<module>/);
  assert.equal(irFor(IR, undefined), IR);
  assert.match(irFor(IR, "missing"), /^; no MIR for `missing`: the whole file follows/);
  assert.equal(isVersionOf("Point.norm", "Point"), false);
  assert.equal(isVersionOf("Point", "Point"), true);
});

test("molt-ir: URIs round-trip their query", () => {
  const q = { uri: "file:///ws/p.py", function: "Point.norm" };
  assert.deepEqual(decodeQuery(encodeQuery(q)), q);
  assert.equal(decodeQuery("nonsense"), undefined);
  assert.equal(decodeQuery(JSON.stringify({ uri: 3 })), undefined);
  assert.equal(irPath("/ws/p.py", "f"), "/ws/p.py:f.mir");
  assert.equal(irPath("/ws/p.py"), "/ws/p.py.mir");
});
