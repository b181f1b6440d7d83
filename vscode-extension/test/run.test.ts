import { strict as assert } from "assert";
import { test } from "node:test";

import { formatRun, formatRunError } from "../src/run";

test("a run's output: header, stdout, stderr, exit code and time", () => {
  const text = formatRun(
    "p.py",
    { artifact: "/ws/target/molt/p", exitCode: 1, stdout: "hello\n", stderr: "oops\n", timedOut: false, durationMs: 12 },
    false,
  );
  assert.equal(text, "▶ Run: /ws/target/molt/p\nhello\n--- stderr ---\noops\n■ exit code 1 in 12 ms\n");
});

test("killed, timed out, profiled", () => {
  assert.match(formatRun("p.py", { exitCode: null, timedOut: true }, false), /killed: timed out/);
  assert.match(formatRun("p.py", { exitCode: null }, false), /killed by a signal/);
  assert.match(formatRun("p.py", { exitCode: 0, profile: "/x.profile.json" }, true), /profile: \/x\.profile\.json/);
  assert.match(formatRun("p.py", { exitCode: 0, profile: null }, true), /wrote no profile/);
  assert.equal(formatRunError("p.py", "build failed"), "▶ Run: p.py\n✖ build failed\n");
});
