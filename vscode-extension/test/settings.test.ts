import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";

import { SERVER_KEYS, answerConfiguration, nextRemarks, serverSettings } from "../src/settings";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

test("the server settings hold only the server's keys", () => {
  const values: Record<string, unknown> = {
    buildOnSave: "native",
    remarks: "missed",
    missedSeverity: "hint",
    outDir: "out",
    profile: "on",
    remoteCache: null,
    extraPaths: ["lib"],
    "server.path": "/x",
    "heat.coverage": true,
  };
  const s = serverSettings((k) => values[k]);
  assert.deepEqual(Object.keys(s).sort(), [...SERVER_KEYS].sort());
  assert.equal(s.remoteCache, null, "null is sent: it means MOLT_REMOTE_CACHE decides");
  assert.equal(s.buildOnSave, "native");
  assert.deepEqual(serverSettings(() => undefined), {});
});

test("every server setting is contributed, with a schema, a default and a description", () => {
  const props = manifest.contributes.configuration.properties;
  for (const key of SERVER_KEYS) {
    const p = props[`molt.${key}`];
    assert.ok(p, `molt.${key} is contributed`);
    assert.ok(p.type, `molt.${key} has a type`);
    assert.ok("default" in p, `molt.${key} has a default`);
    assert.ok((p.markdownDescription ?? p.description ?? "").length > 20, `molt.${key} is described`);
  }
  // The server's enums (lsp/src/server/settings.rs).
  assert.deepEqual(props["molt.buildOnSave"].enum, ["off", "native", "wasm", "both"]);
  assert.deepEqual(props["molt.remarks"].enum, ["all", "missed", "off"]);
  assert.deepEqual(props["molt.missedSeverity"].enum, ["hint", "warning"]);
  assert.deepEqual(props["molt.profile"].enum, ["on", "off"]);
  assert.ok(props["molt.server.path"], "the binary's path is a setting");
});

test("the server's commands and the client's are in the palette; activation on Python", () => {
  const ids = manifest.contributes.commands.map((c: { command: string }) => c.command);
  for (const id of [
    "molt.build",
    "molt.run",
    "molt.runProfiled",
    "molt.showIr",
    "molt.toggleRemarks",
    "molt.toggleCoverageHeat",
    "molt.showCoverageReport",
    "molt.restartServer",
  ]) {
    assert.ok(ids.includes(id), id);
  }
  assert.deepEqual(manifest.activationEvents, ["onLanguage:python"]);
  assert.equal(manifest.main, "./dist/extension.js");
});

test("Toggle remarks cycles all → missed → off → all", () => {
  assert.equal(nextRemarks("all"), "missed");
  assert.equal(nextRemarks("missed"), "off");
  assert.equal(nextRemarks("off"), "all");
  assert.equal(nextRemarks(undefined), "all");
});

test("workspace/configuration: the molt section gets the server settings, others the default answer", () => {
  const settings = { remarks: "off" };
  const out = answerConfiguration([{ section: "python" }, { section: "molt" }, {}], ["p", { server: { path: "x" } }, "all"], settings);
  assert.deepEqual(out, ["p", { remarks: "off" }, "all"]);
});
