import { strict as assert } from "assert";
import { test } from "node:test";

import { BuildTracker, statusText } from "../src/status";

test("progress of a build: begin, report, end with the time", () => {
  const t = new BuildTracker();
  t.progress("molt-build-1", { kind: "begin", title: "Building app.py", message: "waiting for the previous build" });
  assert.deepEqual(t.state, { kind: "building", file: "app.py", detail: "waiting for the previous build" });
  t.progress("molt-build-1", { kind: "report", message: "compiling and linking" });
  assert.deepEqual(t.state, { kind: "building", file: "app.py", detail: "compiling and linking" });
  t.progress("molt-build-1", { kind: "end", message: "built in 142 ms" });
  assert.deepEqual(t.state, { kind: "built", file: "app.py", ms: 142 });
  assert.match(statusText("running", t.state, undefined).text, /built in 142 ms/);
});

test("a failed build; a superseded one says nothing; other progress is ignored", () => {
  const t = new BuildTracker();
  t.progress(1, { kind: "begin", title: "Building a.py" });
  t.progress(2, { kind: "begin", title: "Building a.py" });
  t.progress(1, { kind: "end", message: "superseded by a newer save" });
  assert.equal(t.state.kind, "building");
  t.progress(2, { kind: "end", message: "failed" });
  assert.deepEqual(t.state, { kind: "failed", file: "a.py", detail: "failed" });
  t.progress("x", { kind: "begin", title: "Indexing" });
  t.progress("x", { kind: "end", message: "built in 1 ms" });
  assert.equal(t.state.kind, "failed", "progress that is not a build does not change the state");
  const s = statusText("running", t.state, undefined);
  assert.match(s.text, /build failed/);
  assert.match(s.tooltip, /Build of a\.py failed/);
});

test("command results set the state", () => {
  const t = new BuildTracker();
  assert.deepEqual(t.commandResult("a.py", { durationMs: 12 }), { kind: "built", file: "a.py", ms: 12 });
  assert.deepEqual(t.commandResult("a.py", undefined, "molt: build of a.py failed: 1 error"), {
    kind: "failed",
    file: "a.py",
    detail: "molt: build of a.py failed: 1 error",
  });
});

test("the status text: server state, build, coverage of the function under the cursor", () => {
  const s = statusText("running", { kind: "idle" }, { name: "total", score: 87.5, dynamic: 1, total: 8 });
  assert.equal(s.text, "$(zap) molt · total 87%");
  assert.match(s.tooltip, /total: coverage 87% \(1 of 8 operations dynamic\)/);
  assert.match(statusText("missing", { kind: "idle" }, undefined).text, /no server/);
  assert.match(statusText("stopped", { kind: "idle" }, undefined).tooltip, /Restart server/);
  assert.match(statusText("starting", { kind: "building", file: "x.py", detail: "" }, undefined).text, /building x\.py/);
});
