import { strict as assert } from "assert";
import { test } from "node:test";

import { FileCoverage, coverageReport, coverageShades, functionAt, level, percent, profileShades, score } from "../src/heat";

const range = (l0: number, c0: number, l1: number, c1: number) => ({
  start: { line: l0, character: c0 },
  end: { line: l1, character: c1 },
});

const coverage: FileCoverage = {
  functions: [
    { name: "<module>", range: range(0, 0, 20, 0), score: 50, lanes: { native: 1, guarded: 0, runtime: 0, dynamic: 1 } },
    { name: "Point", range: range(2, 0, 9, 0), score: 100, lanes: { native: 0, guarded: 0, runtime: 0, dynamic: 0 } },
    { name: "Point.norm", range: range(5, 4, 8, 20), score: 75, lanes: { native: 2, guarded: 2, runtime: 0, dynamic: 0 } },
    { name: "untyped", range: range(11, 0, 12, 16), score: 0, lanes: { native: 0, guarded: 0, runtime: 0, dynamic: 3 } },
  ],
  lines: [
    { line: 6, dynamic: 0, total: 4 },
    { line: 12, dynamic: 3, total: 3 },
    { line: 15, dynamic: 1, total: 4 },
  ],
};

test("levels split (0, 1] evenly; 0 and less is no shade", () => {
  assert.equal(level(0, 4), 0);
  assert.equal(level(-1, 4), 0);
  assert.equal(level(0.01, 4), 1);
  assert.equal(level(0.25, 4), 1);
  assert.equal(level(0.26, 4), 2);
  assert.equal(level(1, 4), 4);
  assert.equal(level(7, 4), 4);
});

test("coverage heat shades lines with dynamic operations by their share", () => {
  const shades = coverageShades(coverage);
  assert.deepEqual(
    shades.map((s) => [s.line, s.level]),
    [
      [12, 4],
      [15, 1],
    ],
  );
  assert.match(shades[0].hover, /3 of 3 operations on this line are dynamically dispatched \(100%\)/);
  assert.match(shades[1].hover, /1 of 4 operations on this line is dynamically dispatched \(25%\)/);
});

test("profile heat: relative to the hottest line, counts in the hover, stale marked", () => {
  const heat = {
    profile: "/ws/target/molt/p.profile.json",
    stale: false,
    staleReason: "",
    totalSamples: 100,
    lines: [
      { line: 3, samples: 80, share: 0.8, executions: 1000, deopts: 0 },
      { line: 9, samples: 4, share: 0.04, executions: 100, deopts: 62 },
      { line: 10, samples: 0, share: 0, executions: 5, deopts: 0 },
    ],
  };
  const shades = profileShades(heat);
  assert.deepEqual(
    shades.map((s) => [s.line, s.level]),
    [
      [3, 5],
      [9, 1],
    ],
  );
  assert.match(shades[1].hover, /4 samples \(4\.0% of the run\) · 100 executions · 62 deopts/);
  assert.doesNotMatch(shades[0].hover, /stale/);
  const stale = profileShades({ ...heat, stale: true, staleReason: "p.py changed since the run" });
  assert.match(stale[0].hover, /stale profile — re-run with profile\*\* \(p\.py changed since the run\)/);
  assert.deepEqual(profileShades({ ...heat, lines: [] }), []);
});

test("the function under the cursor is the innermost", () => {
  assert.equal(functionAt(coverage, { line: 6, character: 8 })?.name, "Point.norm");
  assert.equal(functionAt(coverage, { line: 3, character: 0 })?.name, "Point");
  assert.equal(functionAt(coverage, { line: 15, character: 0 })?.name, "<module>");
  assert.equal(functionAt({ functions: [], lines: [] }, { line: 0, character: 0 }), undefined);
});

test("the coverage report lists functions from the least covered, with the file's score", () => {
  const report = coverageReport("p.py", coverage);
  const rows = report.split("\n").filter((l) => l.startsWith("| `"));
  assert.deepEqual(
    rows.map((r) => r.split("|")[1].trim()),
    ["`untyped`", "`<module>`", "`Point.norm`", "`Point`"],
  );
  // 3 native + 2 guarded + 4 dynamic = (3 + 1.5) / 9
  assert.match(report, /Score of the file: \*\*50%\*\*/);
  assert.match(report, /Lines with dynamic operations: 13, 16\./);
  assert.equal(score({ native: 0, guarded: 0, runtime: 0, dynamic: 0 }), 100);
  assert.equal(percent(0.042), "4.2%");
  assert.equal(percent(0.37), "37%");
});
