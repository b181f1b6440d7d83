// Runs a WASI preview 1 command module under node: `node -e <this> MODULE ARGS...`.
// The module runs on a worker thread with a large native stack (node's main thread has
// about 1 MB, less than deep Python recursion needs before it raises RecursionError).
// stdin, stdout and stderr are the process's; the exit status is the module's
// (`proc_exit`), or 134 after a message when the module traps (as a native program that
// aborts).
"use strict";
const { Worker } = require("node:worker_threads");

// The worker's code (its source is passed to the worker).
function runModule() {
  const fs = require("node:fs");
  const { WASI } = require("node:wasi");
  const { parentPort, workerData } = require("node:worker_threads");
  const { file, args, env } = workerData;
  const wasi = new WASI({
    version: "preview1",
    args: [file, ...args],
    env,
    returnOnExit: true,
  });
  const module = new WebAssembly.Module(fs.readFileSync(file));
  const instance = new WebAssembly.Instance(module, {
    wasi_snapshot_preview1: wasi.wasiImport,
  });
  parentPort.postMessage(wasi.start(instance));
}

const [file, ...args] = process.argv.slice(1);
const worker = new Worker(`(${runModule.toString()})()`, {
  eval: true,
  workerData: { file, args, env: process.env },
  resourceLimits: { stackSizeMb: 256 },
});
worker.on("message", (code) => {
  process.exitCode = code;
});
worker.on("error", (e) => {
  process.stderr.write(`molt-lsp: the wasm program trapped: ${e && e.message}\n`);
  process.exitCode = 134;
});
