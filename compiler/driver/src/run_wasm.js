// Runs a WASI preview 1 command module under node: `node -e <this> MODULE ARGS...`.
// stdin, stdout and stderr are the process's; the exit status is the module's
// (`proc_exit`), or 134 after a message when the module traps (as a native program that
// aborts).
"use strict";
const fs = require("node:fs");
const { WASI } = require("node:wasi");
const [file, ...args] = process.argv.slice(1);
const wasi = new WASI({
  version: "preview1",
  args: [file, ...args],
  env: process.env,
  returnOnExit: true,
});
WebAssembly.instantiate(fs.readFileSync(file), {
  wasi_snapshot_preview1: wasi.wasiImport,
})
  .then(({ instance }) => {
    process.exitCode = wasi.start(instance);
  })
  .catch((e) => {
    process.stderr.write(`molt-lsp: the wasm program trapped: ${e && e.message}\n`);
    process.exitCode = 134;
  });
