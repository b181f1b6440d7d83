// A small stand-in for the `vscode` module, enough for the modules the unit tests load.
// `register-vscode-mock.ts` makes `require("vscode")` return it.

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query: string = "",
  ) {}
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/]*)?([^?#]*)(?:\?([^#]*))?/i.exec(value);
    if (!m) {
      throw new Error(`not a URI: ${value}`);
    }
    return new Uri(m[1], decodeURIComponent(m[2]), m[3] ?? "");
  }
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${encodeURI(this.path)}${this.query ? `?${this.query}` : ""}`;
  }
}

interface MockEditor {
  document: { uri: Uri; languageId: string };
}

export const window: { activeTextEditor: MockEditor | undefined } = {
  activeTextEditor: undefined,
};

/** Makes `uri` the active editor, with `languageId`. */
export function setActiveEditor(uri: Uri | undefined, languageId = "python"): void {
  window.activeTextEditor = uri ? { document: { uri, languageId } } : undefined;
}
