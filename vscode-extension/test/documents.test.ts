import { strict as assert } from "assert";
import { test } from "node:test";
import * as vscode from "vscode";

import { documentArgument } from "../src/documents";
import { setActiveEditor } from "./vscode-mock";

test("a command's document: its argument, else the active Python editor", () => {
  setActiveEditor(undefined);
  assert.equal(documentArgument(["file:///ws/a.py"]), "file:///ws/a.py", "a code lens passes the URI string");
  assert.equal(documentArgument([{ uri: "file:///ws/b.py" }]), "file:///ws/b.py");
  assert.equal(documentArgument([vscode.Uri.file("/ws/c.py")]), "file:///ws/c.py", "the explorer passes a Uri");
  assert.equal(documentArgument([]), undefined, "no argument and no editor");
  setActiveEditor(vscode.Uri.file("/ws/d.py"));
  assert.equal(documentArgument([]), "file:///ws/d.py", "the palette passes nothing");
  setActiveEditor(vscode.Uri.file("/ws/notes.md"), "markdown");
  assert.equal(documentArgument([]), undefined, "not a Python file");
  setActiveEditor(undefined);
});
