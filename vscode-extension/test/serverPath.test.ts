import { strict as assert } from "assert";
import { test } from "node:test";

import { findServer, isFound } from "../src/serverPath";

const exec = (files: string[]) => (f: string) => files.includes(f);

test("the setting comes first, then PATH, then target/release of a workspace folder", () => {
  const files = ["/opt/molt/molt-lsp", "/usr/local/bin/molt-lsp", "/ws/target/release/molt-lsp"];
  const base = { pathEnv: "/usr/bin:/usr/local/bin", workspaceFolders: ["/ws"], platform: "linux", isExecutable: exec(files) };
  assert.deepEqual(findServer({ ...base, configured: "/opt/molt/molt-lsp" }), { path: "/opt/molt/molt-lsp", source: "setting" });
  assert.deepEqual(findServer({ ...base, configured: "" }), { path: "/usr/local/bin/molt-lsp", source: "PATH" });
  assert.deepEqual(findServer({ ...base, pathEnv: "/usr/bin" }), { path: "/ws/target/release/molt-lsp", source: "workspace" });
});

test("every workspace folder is searched, in order", () => {
  const r = findServer({
    pathEnv: "",
    workspaceFolders: ["/a", "/b"],
    platform: "linux",
    isExecutable: exec(["/b/target/release/molt-lsp"]),
  });
  assert.deepEqual(r, { path: "/b/target/release/molt-lsp", source: "workspace" });
});

test("a relative or ~ setting is resolved; ${workspaceFolder} is expanded", () => {
  const base = { pathEnv: "", workspaceFolders: ["/ws"], platform: "linux", home: "/home/u" };
  assert.deepEqual(findServer({ ...base, configured: "bin/molt-lsp", isExecutable: exec(["/ws/bin/molt-lsp"]) }), {
    path: "/ws/bin/molt-lsp",
    source: "setting",
  });
  assert.deepEqual(findServer({ ...base, configured: "~/.cargo/bin/molt-lsp", isExecutable: exec(["/home/u/.cargo/bin/molt-lsp"]) }), {
    path: "/home/u/.cargo/bin/molt-lsp",
    source: "setting",
  });
  assert.deepEqual(
    findServer({ ...base, configured: "${workspaceFolder}/target/debug/molt-lsp", isExecutable: exec(["/ws/target/debug/molt-lsp"]) }),
    { path: "/ws/target/debug/molt-lsp", source: "setting" },
  );
});

test("a setting naming a missing file is an error, not a silent fallback to PATH", () => {
  const r = findServer({
    configured: "/nope/molt-lsp",
    pathEnv: "/usr/bin",
    workspaceFolders: [],
    platform: "linux",
    isExecutable: exec(["/usr/bin/molt-lsp"]),
  });
  assert.equal(isFound(r), false);
  if (!isFound(r)) {
    assert.equal(r.badSetting, true);
    assert.match(r.message, /molt\.server\.path/);
    assert.match(r.message, /\/nope\/molt-lsp is not an executable file/);
  }
});

test("nothing found: the message says where it looked and how to build or install", () => {
  const r = findServer({ pathEnv: "/usr/bin", workspaceFolders: ["/ws"], platform: "linux", isExecutable: () => false });
  assert.equal(isFound(r), false);
  if (!isFound(r)) {
    assert.equal(r.badSetting, false);
    assert.match(r.message, /\/ws\/target\/release/);
    assert.match(r.message, /cargo build --release -p molt_lsp/);
    assert.match(r.message, /cargo install --path lsp/);
    assert.match(r.message, /molt\.server\.path/);
  }
});

test("Windows: molt-lsp.exe and ; in PATH", () => {
  const r = findServer({
    pathEnv: "C:\\x;C:\\tools",
    workspaceFolders: [],
    platform: "win32",
    isExecutable: (f) => f.endsWith("molt-lsp.exe") && f.includes("tools"),
  });
  assert.equal(isFound(r), true);
});
