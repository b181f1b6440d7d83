#!/usr/bin/env node
// Runs a molt wasm32 program (a WASI preview 1 command module) under node's `node:wasi`.
//
//   node tools/run-wasm.mjs [--argv0=NAME] [--in-process] MODULE.wasm [ARGS...]
//
// The program's stdin, stdout and stderr are this process's (file descriptors 0, 1, 2), its
// `sys.argv` is `[NAME or MODULE.wasm, *ARGS]`, its environment is this process's, and this
// process exits with the program's exit status (`proc_exit`). No directory is preopened (the
// program has no file system access) except, when `MOLT_PROFILE_JSON` names a file, that
// file's folder, where the runtime writes the profile. A trap (a WebAssembly runtime error: a
// bug, or a stack overflow outside the runtime's checks) is reported on stderr as
// `molt: fatal error: wasm trap: MESSAGE` with exit status 134, as natively a crash ends with
// a `molt: fatal error` line.
//
// Stack: V8 runs wasm frames on the thread's native stack, whose default size (about 1 MiB)
// a Python recursion through the runtime exhausts long before the recursion limit (the
// runtime bounds its own shadow stack, in linear memory). By default the program runs on a
// worker thread with a 1 GiB stack, which costs a second V8 isolate (about 50-100 ms of
// start-up). `--in-process` runs it on the main thread instead: for a caller that started
// node with `--stack-size=KIB` and a stack resource limit above it, as `molt-lsp --run
// --target wasm32` does.
//
// Tiers: V8 compiles wasm with a baseline compiler first and optimizes a function for its
// later calls, never for a call already running, so a hot loop that runs in one call would
// stay in baseline code. The compiler marks the program's own functions in a
// `compilationHints` section; this script turns on V8's reading of it
// (`--experimental-wasm-compilation-hints`) on the V8 versions known to have the flag.
//
// Garbage collection: V8's concurrent marking of the JavaScript heap crashed node 20 (V8 11.3,
// SIGSEGV in `RunMicrotasks` or while unwinding an exception, after the program's output) in
// most runs of a program whose linear memory grew large (`bytearray(300_000_000)`, a million
// tuples); without it (`--no-concurrent-marking`, set below before any module is compiled) no
// run crashed. The JavaScript heap of a run is small, so marking on the main thread costs
// nothing measurable.
//
// Node 20 to 22 print an ExperimentalWarning when `node:wasi` is loaded; it is suppressed
// here so that the program's stderr is exactly what the program wrote.

import { readFile } from "node:fs/promises";
import { setFlagsFromString } from "node:v8";
import { isMainThread, parentPort, SHARE_ENV, Worker, workerData } from "node:worker_threads";

const usage = "usage: node run-wasm.mjs [--argv0=NAME] [--in-process] MODULE.wasm [ARGS...]";
let argv = isMainThread ? process.argv.slice(2) : [workerData.modulePath];
let argv0 = null;
let inProcess = false;
for (;;) {
  if (argv.length > 0 && argv[0].startsWith("--argv0=")) {
    argv0 = argv[0].slice("--argv0=".length);
  } else if (argv[0] === "--in-process") {
    inProcess = true;
  } else {
    break;
  }
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

// See "Garbage collection" above; process-wide, so a worker's isolate gets it too.
setFlagsFromString("--no-concurrent-marking");

// V8 11 (node 20) through 13 (node 24) read the hints under this flag; an unknown flag would
// print an error on stderr, so other versions run without it (correct, only slower).
const v8Major = Number(process.versions.v8.split(".")[0]);
if (isMainThread && v8Major >= 11 && v8Major <= 13) {
  setFlagsFromString("--experimental-wasm-compilation-hints");
}

let bytes;
try {
  bytes = await readFile(modulePath);
} catch (e) {
  process.stderr.write(`run-wasm: cannot read ${modulePath}: ${e.message}\n`);
  process.exit(2);
}
// (Read on the main thread too, so that a missing file is reported before a worker starts.)

/** Runs the module `bytes` with `args` as its argv; resolves to its exit status. */
async function run(bytes, args) {
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
    args,
    env: process.env,
    preopens,
    returnOnExit: true,
  });
  try {
    const module = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    return wasi.start(instance) ?? 0;
  } catch (e) {
    if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) {
      process.stderr.write(`run-wasm: ${modulePath} is not a runnable WASI module: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`molt: fatal error: wasm trap: ${message}\n`);
    return 134;
  }
}

const STACK_MB = 1024;
const args = [argv0 ?? modulePath, ...programArgs];

if (!isMainThread) {
  parentPort.postMessage(await run(bytes, workerData.args));
} else if (inProcess) {
  process.exitCode = await run(bytes, args);
} else {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { modulePath, args },
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
}
