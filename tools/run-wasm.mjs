#!/usr/bin/env node
// Runs a molt wasm32 program (a WASI preview 1 command module) under node's `node:wasi`.
//
//   node tools/run-wasm.mjs [--argv0=NAME] MODULE.wasm [ARGS...]
//
// The program's stdin, stdout and stderr are this process's (file descriptors 0, 1, 2), its
// `sys.argv` is `[NAME or MODULE.wasm, *ARGS]`, its environment is this process's, and this
// process exits with the program's exit status (`proc_exit`). No directory is preopened (the
// program has no file system access) except, when `MOLT_PROFILE_JSON` names a file, that
// file's folder, where the runtime writes the profile. A trap (a WebAssembly runtime error: a bug, or a stack
// overflow outside the runtime's checks) is reported on stderr as
// `molt: fatal error: wasm trap: MESSAGE` with exit status 134, as natively a crash ends with
// a `molt: fatal error` line.
//
// Node 20 to 22 print an ExperimentalWarning when `node:wasi` is loaded; it is suppressed
// here so that the program's stderr is exactly what the program wrote.

import { readFile } from "node:fs/promises";
import { isMainThread, parentPort, SHARE_ENV, Worker, workerData } from "node:worker_threads";

const usage = "usage: node run-wasm.mjs [--argv0=NAME] MODULE.wasm [ARGS...]";
let argv = isMainThread ? process.argv.slice(2) : [workerData.modulePath];
let argv0 = null;
if (argv.length > 0 && argv[0].startsWith("--argv0=")) {
  argv0 = argv[0].slice("--argv0=".length);
  argv = argv.slice(1);
}
if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
  process.stderr.write(usage + "\n");
  process.exit(2);
}
const [modulePath, ...programArgs] = argv;

// Silence only the WASI experimental warning; other warnings go through.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const text = typeof warning === "string" ? warning : warning?.message ?? "";
  const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
  if (type === "ExperimentalWarning" && /WASI/.test(text)) {
    return;
  }
  return emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import("node:wasi");

let bytes;
try {
  bytes = await readFile(modulePath);
} catch (e) {
  process.stderr.write(`run-wasm: cannot read ${modulePath}: ${e.message}\n`);
  process.exit(2);
}
// (Read on the main thread too, so that a missing file is reported before a worker starts.)

// The program runs on a worker thread with a large stack: V8 runs wasm frames on the native
// stack, whose default size (about 1 MiB) a Python recursion through the runtime exhausts
// long before the recursion limit (the runtime bounds its own shadow stack, in linear memory).
const STACK_MB = 1024;

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { modulePath, args: [argv0 ?? modulePath, ...programArgs] },
    resourceLimits: { stackSizeMb: STACK_MB },
    env: SHARE_ENV,
    stdin: false,
  });
  worker.on("message", (status) => {
    process.exitCode = status;
  });
  worker.on("error", (e) => {
    process.stderr.write(`molt: fatal error: wasm trap: ${e?.message ?? e}\n`);
    process.exitCode = 134;
  });
} else {
  // The only folder the program may write: the one of its profile, when it is profiled
  // (`MOLT_PROFILE_JSON=<absolute path>`), under its own path, so the runtime writes the
  // file at the host path the environment names.
  const preopens = {};
  const profile = process.env.MOLT_PROFILE_JSON;
  if (profile && profile.startsWith("/")) {
    const folder = profile.slice(0, profile.lastIndexOf("/")) || "/";
    preopens[folder] = folder;
  }
  const wasi = new WASI({
    version: "preview1",
    args: workerData.args,
    env: process.env,
    preopens,
    returnOnExit: true,
  });
  let status;
  try {
    const module = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    status = wasi.start(instance);
  } catch (e) {
    if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) {
      process.stderr.write(
        `run-wasm: ${workerData.modulePath} is not a runnable WASI module: ${e.message}\n`,
      );
      status = 2;
    } else {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`molt: fatal error: wasm trap: ${message}\n`);
      status = 134;
    }
  }
  parentPort.postMessage(status ?? 0);
}
