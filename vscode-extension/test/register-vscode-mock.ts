// Loaded with `node --require` before the tests: `require("vscode")` gets the mock.
import Module = require("module");
import * as path from "path";

const mod = Module as unknown as {
  _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
};
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]): string {
  if (request === "vscode") {
    return path.join(__dirname, "vscode-mock.js");
  }
  return original.call(this, request, parent, ...rest);
};
