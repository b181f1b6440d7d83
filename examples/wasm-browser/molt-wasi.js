// A minimal WASI preview 1 host for running a molt wasm32 program in a web page.
//
//   import { runWasi } from "./molt-wasi.js";
//   const { status } = await runWasi(await fetch("app.wasm"), {
//     args: ["app"], stdout: (text) => ..., stderr: (text) => ...,
//   });
//
// It implements what molt's runtime imports: output (fd_write to stdout and stderr),
// input (fd_read: stdin is empty), fd_fdstat_get, proc_exit, arguments, environment,
// clocks, poll_oneoff (time.sleep, by waiting) and random_get (the Web Crypto API). There
// is no file system (no preopened folder: the path functions answer EBADF). The program runs on the calling thread: run it in a Worker to keep a
// page responsive during a long computation.

const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;

class ProcExit {
  constructor(code) {
    this.code = code;
  }
}

/** Runs the WASI command module `source` (a Response, ArrayBuffer or typed array) and
 * resolves to `{ status }`, the program's exit status. `options`: `args` (argv, strings),
 * `env` (an object of strings), `stdout`/`stderr` (called with decoded text). */
export async function runWasi(source, options = {}) {
  const args = options.args ?? ["program"];
  const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const sinks = {
    1: { write: options.stdout ?? (() => {}), decoder: new TextDecoder() },
    2: { write: options.stderr ?? (() => {}), decoder: new TextDecoder() },
  };
  const encoder = new TextEncoder();
  let memory;
  const view = () => new DataView(memory.buffer);
  const bytes = () => new Uint8Array(memory.buffer);

  // Writes a list of strings as C strings at `buf`, their addresses at `ptrs`.
  const writeStrings = (list, ptrs, buf) => {
    const v = view();
    for (const s of list) {
      v.setUint32(ptrs, buf, true);
      ptrs += 4;
      const b = encoder.encode(s);
      bytes().set(b, buf);
      bytes()[buf + b.length] = 0;
      buf += b.length + 1;
    }
    return ERRNO_SUCCESS;
  };
  const sizes = (list, countPtr, sizePtr) => {
    const v = view();
    v.setUint32(countPtr, list.length, true);
    v.setUint32(sizePtr, list.reduce((n, s) => n + encoder.encode(s).length + 1, 0), true);
    return ERRNO_SUCCESS;
  };
  const now = (id) => {
    if (id === 0) return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
    return BigInt(Math.round(performance.now() * 1e6));
  };

  const wasi = {
    fd_write(fd, iovs, iovsLen, nwrittenPtr) {
      const sink = sinks[fd];
      if (!sink) return ERRNO_BADF;
      const v = view();
      let written = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = v.getUint32(iovs + 8 * i, true);
        const len = v.getUint32(iovs + 8 * i + 4, true);
        sink.write(sink.decoder.decode(bytes().slice(ptr, ptr + len), { stream: true }));
        written += len;
      }
      v.setUint32(nwrittenPtr, written, true);
      return ERRNO_SUCCESS;
    },
    fd_read(fd, _iovs, _iovsLen, nreadPtr) {
      if (fd !== 0) return ERRNO_BADF;
      view().setUint32(nreadPtr, 0, true); // end of input
      return ERRNO_SUCCESS;
    },
    fd_fdstat_get(fd, statPtr) {
      if (fd > 2) return ERRNO_BADF;
      const v = view();
      v.setUint8(statPtr, 2); // character device
      v.setUint16(statPtr + 2, 0, true);
      v.setBigUint64(statPtr + 8, 0n, true);
      v.setBigUint64(statPtr + 16, 0n, true);
      return ERRNO_SUCCESS;
    },
    proc_exit(code) {
      throw new ProcExit(code);
    },
    args_sizes_get: (countPtr, sizePtr) => sizes(args, countPtr, sizePtr),
    args_get: (ptrs, buf) => writeStrings(args, ptrs, buf),
    environ_sizes_get: (countPtr, sizePtr) => sizes(env, countPtr, sizePtr),
    environ_get: (ptrs, buf) => writeStrings(env, ptrs, buf),
    clock_time_get(id, _precision, timePtr) {
      if (id > 3) return ERRNO_INVAL;
      view().setBigUint64(timePtr, now(id), true);
      return ERRNO_SUCCESS;
    },
    poll_oneoff(subs, events, nsubs, neventsPtr) {
      // Clock subscriptions only (time.sleep): wait for the longest, then report each.
      const v = view();
      let until = 0;
      for (let i = 0; i < nsubs; i++) {
        const s = subs + 48 * i;
        if (v.getUint8(s + 8) === 0) {
          const timeout = Number(v.getBigUint64(s + 24, true)) / 1e6;
          until = Math.max(until, timeout);
        }
      }
      const end = performance.now() + until;
      while (performance.now() < end) {
        // A web page cannot block: wait actively.
      }
      for (let i = 0; i < nsubs; i++) {
        const e = events + 32 * i;
        v.setBigUint64(e, v.getBigUint64(subs + 48 * i, true), true);
        v.setUint16(e + 8, 0, true);
        v.setUint8(e + 10, v.getUint8(subs + 48 * i + 8));
      }
      v.setUint32(neventsPtr, nsubs, true);
      return ERRNO_SUCCESS;
    },
    // No file system: no preopened folder, so nothing can be opened (the runtime asks only
    // to write a profile, `MOLT_PROFILE_JSON=<path>`).
    fd_prestat_get: () => ERRNO_BADF,
    fd_prestat_dir_name: () => ERRNO_BADF,
    path_open: () => ERRNO_BADF,
    fd_close: () => ERRNO_BADF,
    path_rename: () => ERRNO_BADF,
    path_unlink_file: () => ERRNO_BADF,
    random_get(buf, len) {
      for (let off = 0; off < len; off += 65536) {
        crypto.getRandomValues(bytes().subarray(buf + off, buf + Math.min(len, off + 65536)));
      }
      return ERRNO_SUCCESS;
    },
  };

  const input = source instanceof Response ? await source.arrayBuffer() : source;
  const imports = { wasi_snapshot_preview1: wasi };
  // Modules up to 8 MB compile synchronously (what Chrome allows on the main thread): the
  // program has run when the page's tasks are done, which is what headless tests observe.
  // Larger ones compile in the background.
  const instance =
    input.byteLength <= 8 << 20
      ? new WebAssembly.Instance(new WebAssembly.Module(input), imports)
      : (await WebAssembly.instantiate(input, imports)).instance;
  memory = instance.exports.memory;
  try {
    instance.exports._start();
    return { status: 0 };
  } catch (e) {
    if (e instanceof ProcExit) return { status: e.code };
    throw e;
  } finally {
    for (const sink of Object.values(sinks)) sink.write(sink.decoder.decode());
  }
}
