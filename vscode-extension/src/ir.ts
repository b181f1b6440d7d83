// Cutting the text of `molt.showIr` (the optimized MIR of a whole file) into functions, and
// the `molt-ir:` URIs of the virtual documents that show it. Pure logic (no `vscode`).

/** One function of the MIR text. */
export interface IrFunction {
  /** The name in `function "NAME"(...)`. */
  name: string;
  /** Its text, from the `function` line to the closing `}` line (included). */
  text: string;
}

const HEADER = /^function "((?:[^"\\]|\\.)*)"/;

/** Splits MIR text into its functions (text outside a function is dropped). */
export function splitFunctions(ir: string): IrFunction[] {
  const out: IrFunction[] = [];
  let current: { name: string; lines: string[] } | undefined;
  for (const line of ir.split("\n")) {
    const m = HEADER.exec(line);
    if (m) {
      if (current) {
        out.push({ name: current.name, text: current.lines.join("\n") + "\n" });
      }
      current = { name: m[1].replace(/\\(.)/g, "$1"), lines: [line] };
      continue;
    }
    if (current) {
      current.lines.push(line);
      if (line === "}") {
        out.push({ name: current.name, text: current.lines.join("\n") + "\n" });
        current = undefined;
      }
    }
  }
  if (current) {
    out.push({ name: current.name, text: current.lines.join("\n") + "\n" });
  }
  return out;
}

/** Whether the MIR function `mirName` is (a version of) the Python function `qualname`:
 * the same name, or the name followed by a version suffix that is not part of a longer
 * identifier (`f$1`, `f.v2`, `f [int]`). */
export function isVersionOf(mirName: string, qualname: string): boolean {
  if (mirName === qualname) {
    return true;
  }
  if (!mirName.startsWith(qualname)) {
    return false;
  }
  const next = mirName.charAt(qualname.length);
  return /[^A-Za-z0-9_.]/.test(next);
}

/** The MIR of `qualname` (every version of it), or of the whole file when `qualname` is
 * undefined or not found (with a first comment line saying so). */
export function irFor(ir: string, qualname: string | undefined): string {
  if (qualname === undefined) {
    return ir;
  }
  const found = splitFunctions(ir).filter((f) => isVersionOf(f.name, qualname));
  if (found.length === 0) {
    return `; no MIR for \`${qualname}\`: the whole file follows\n\n${ir}`;
  }
  return found.map((f) => f.text).join("\n");
}

/** The parts of a `molt-ir:` URI: the document's URI and optionally a function. */
export interface IrQuery {
  uri: string;
  function?: string;
}

/** The path of a `molt-ir:` document for the source `fsPath`: `<path>.mir` (or
 * `<path>:<function>.mir`), so editors show a readable title and pick the grammar. */
export function irPath(fsPath: string, fn?: string): string {
  return fn ? `${fsPath}:${fn}.mir` : `${fsPath}.mir`;
}

/** Encodes the query of a `molt-ir:` URI. */
export function encodeQuery(q: IrQuery): string {
  return JSON.stringify(q);
}

/** Decodes the query of a `molt-ir:` URI; `undefined` when it is not one. */
export function decodeQuery(query: string): IrQuery | undefined {
  try {
    const q = JSON.parse(query);
    if (q && typeof q.uri === "string" && (q.function === undefined || typeof q.function === "string")) {
      return q as IrQuery;
    }
  } catch {
    // not ours
  }
  return undefined;
}
