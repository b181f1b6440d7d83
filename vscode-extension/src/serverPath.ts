// Finding the molt-lsp binary. Pure logic (no `vscode`), so it is tested under plain node.
//
// Order: the `molt.server.path` setting, then `molt-lsp` on PATH, then
// `<workspace folder>/target/release/molt-lsp` of each workspace folder.

import * as fs from "fs";
import * as path from "path";

/** Where a binary was found. */
export type ServerSource = "setting" | "PATH" | "workspace";

/** A binary that was found. */
export interface FoundServer {
  path: string;
  source: ServerSource;
}

/** A search that found nothing: `message` tells the user what to do. */
export interface MissingServer {
  message: string;
  /** Whether the `molt.server.path` setting names a file that is not there (the user should fix it). */
  badSetting: boolean;
}

/** What the search needs to know about the machine (injected in tests). */
export interface SearchEnv {
  /** The `molt.server.path` setting ("" or undefined when not set). */
  configured?: string;
  /** The PATH environment variable. */
  pathEnv?: string;
  /** The workspace folders' paths. */
  workspaceFolders: string[];
  /** `process.platform`. */
  platform?: string;
  /** Whether `file` is an executable file. */
  isExecutable?: (file: string) => boolean;
  /** The user's home folder, for `~/` in the setting. */
  home?: string;
}

/** The binary's file name on `platform`. */
export function binaryName(platform: string = process.platform): string {
  return platform === "win32" ? "molt-lsp.exe" : "molt-lsp";
}

/** Whether `file` exists, is a file, and (off Windows) can be executed. */
export function defaultIsExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Expands `~/` and `${workspaceFolder}` in the configured path; a relative path is taken
 * from the first workspace folder. */
export function expandConfigured(configured: string, env: SearchEnv): string {
  let p = configured.trim();
  const first = env.workspaceFolders[0];
  if (first !== undefined) {
    p = p.split("${workspaceFolder}").join(first);
  }
  if ((p === "~" || p.startsWith("~/")) && env.home) {
    p = path.join(env.home, p.slice(1));
  }
  if (!path.isAbsolute(p) && first !== undefined) {
    p = path.join(first, p);
  }
  return p;
}

/** How to get a binary, for the error message. */
export const INSTALL_HINT =
  "Build it with `cargo build --release -p molt_lsp` in the molt repository (it gives target/release/molt-lsp), " +
  "or install it on your PATH with `cargo install --path lsp`, " +
  "or set `molt.server.path` to the binary.";

/** Finds the binary (see the module comment). */
export function findServer(env: SearchEnv): FoundServer | MissingServer {
  const isExecutable = env.isExecutable ?? defaultIsExecutable;
  const platform = env.platform ?? process.platform;
  const name = binaryName(platform);
  const configured = (env.configured ?? "").trim();
  if (configured !== "") {
    const p = expandConfigured(configured, env);
    if (isExecutable(p)) {
      return { path: p, source: "setting" };
    }
    return {
      message: `molt: the setting molt.server.path is "${configured}", but ${p} is not an executable file. Fix the setting, or clear it to search PATH and target/release/.`,
      badSetting: true,
    };
  }
  const separator = platform === "win32" ? ";" : ":";
  for (const dir of (env.pathEnv ?? "").split(separator)) {
    if (dir === "") {
      continue;
    }
    const p = path.join(dir, name);
    if (isExecutable(p)) {
      return { path: p, source: "PATH" };
    }
  }
  for (const folder of env.workspaceFolders) {
    const p = path.join(folder, "target", "release", name);
    if (isExecutable(p)) {
      return { path: p, source: "workspace" };
    }
  }
  const looked = env.workspaceFolders.length
    ? ` (looked on PATH and in ${env.workspaceFolders.map((f) => path.join(f, "target", "release")).join(", ")})`
    : " (looked on PATH)";
  return {
    message: `molt: cannot find the molt-lsp language server${looked}. ${INSTALL_HINT}`,
    badSetting: false,
  };
}

/** Whether a search result found a binary. */
export function isFound(r: FoundServer | MissingServer): r is FoundServer {
  return (r as FoundServer).path !== undefined;
}
