// Which document a command acts on. Uses only `vscode.Uri` and the active editor, so the
// unit tests run it against the mocked `vscode` module.

import * as vscode from "vscode";

/** Whether molt-lsp handles `doc`: a Python file on disk. */
export function isPython(doc: vscode.TextDocument): boolean {
  return doc.languageId === "python" && doc.uri.scheme === "file";
}

/** The document a server command acts on: its first argument (a URI string, a `vscode.Uri`,
 * or an object with a `uri`), else the active Python editor's. */
export function documentArgument(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === "string" && first !== "") {
    return first;
  }
  if (first instanceof vscode.Uri) {
    return first.toString();
  }
  if (first && typeof first === "object" && "uri" in first) {
    const u = (first as { uri: unknown }).uri;
    if (typeof u === "string") {
      return u;
    }
    if (u instanceof vscode.Uri) {
      return u.toString();
    }
  }
  const editor = vscode.window.activeTextEditor;
  return editor && isPython(editor.document) ? editor.document.uri.toString() : undefined;
}

