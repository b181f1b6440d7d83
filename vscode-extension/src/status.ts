// The build state (from the server's `$/progress` reports and the command results) and the
// text of the status bar item. Pure logic (no `vscode`).

/** Whether the server runs. */
export type ServerState = "starting" | "running" | "stopped" | "missing";

/** The last build the extension heard of. */
export type BuildState =
  | { kind: "idle" }
  | { kind: "building"; file: string; detail: string }
  | { kind: "built"; file: string; ms: number }
  | { kind: "failed"; file: string; detail: string };

/** One `$/progress` value (LSP `WorkDoneProgressBegin | Report | End`). */
export interface ProgressValue {
  kind: "begin" | "report" | "end";
  title?: string;
  message?: string;
}

/** Follows the server's build progress: one `$/progress` token per build. */
export class BuildTracker {
  private active = new Map<string, { file: string; detail: string }>();
  state: BuildState = { kind: "idle" };

  /** Applies one `$/progress` report of `token`; returns the new state. Progress that is not
   * a build (its title does not start with "Building") is ignored. */
  progress(token: string | number, value: ProgressValue): BuildState {
    const key = String(token);
    if (value.kind === "begin") {
      const title = value.title ?? "";
      const m = /^Building\s+(.*)$/.exec(title);
      if (!m) {
        return this.state;
      }
      this.active.set(key, { file: m[1], detail: value.message ?? "" });
    } else {
      const build = this.active.get(key);
      if (!build) {
        return this.state;
      }
      if (value.kind === "report") {
        build.detail = value.message ?? build.detail;
      } else {
        this.active.delete(key);
        this.finished(build.file, value.message ?? "");
      }
    }
    const current = [...this.active.values()].pop();
    if (current) {
      this.state = { kind: "building", file: current.file, detail: current.detail };
    } else if (this.state.kind === "building") {
      // Every build ended without a verdict (superseded): nothing new to say.
      this.state = { kind: "idle" };
    }
    return this.state;
  }

  /** Records the end message of a build of `file`. */
  private finished(file: string, message: string): void {
    const built = /built in (\d+)\s*ms/.exec(message);
    if (built) {
      this.state = { kind: "built", file, ms: Number(built[1]) };
    } else if (/^superseded/i.test(message)) {
      // A newer build of the file follows; it reports.
    } else {
      this.state = { kind: "failed", file, detail: message || "failed" };
    }
  }

  /** A build finished by a command (`molt.build`, `molt.run`): the result. */
  commandResult(file: string, result: { durationMs?: number } | undefined, error?: string): BuildState {
    if (error !== undefined) {
      this.state = { kind: "failed", file, detail: error };
    } else if (result && typeof result.durationMs === "number") {
      this.state = { kind: "built", file, ms: result.durationMs };
    }
    return this.state;
  }
}

/** Coverage of the function under the cursor, for the status bar. */
export interface CursorCoverage {
  name: string;
  score: number;
  dynamic: number;
  total: number;
}

/** The status bar item's text and tooltip. */
export function statusText(
  server: ServerState,
  build: BuildState,
  coverage: CursorCoverage | undefined,
): { text: string; tooltip: string } {
  const parts: string[] = [];
  const tips: string[] = [];
  switch (server) {
    case "starting":
      parts.push("$(loading~spin) molt");
      tips.push("molt-lsp is starting");
      break;
    case "running":
      parts.push("$(zap) molt");
      tips.push("molt-lsp is running");
      break;
    case "stopped":
      parts.push("$(debug-stop) molt: stopped");
      tips.push("molt-lsp stopped: run `Molt: Restart server`");
      break;
    case "missing":
      parts.push("$(warning) molt: no server");
      tips.push("molt-lsp was not found: set `molt.server.path` or build it");
      break;
  }
  switch (build.kind) {
    case "building":
      parts.push(`$(sync~spin) building ${build.file}`);
      tips.push(`Building ${build.file}${build.detail ? `: ${build.detail}` : ""}`);
      break;
    case "built":
      parts.push(`$(check) built in ${build.ms} ms`);
      tips.push(`Built ${build.file} in ${build.ms} ms`);
      break;
    case "failed":
      parts.push("$(error) build failed");
      tips.push(`Build of ${build.file} failed: ${build.detail}`);
      break;
    case "idle":
      break;
  }
  if (coverage) {
    parts.push(`${coverage.name} ${Math.floor(coverage.score)}%`);
    tips.push(
      `${coverage.name}: coverage ${Math.floor(coverage.score)}% (${coverage.dynamic} of ${coverage.total} operations dynamic)`,
    );
  }
  return { text: parts.join(" · "), tooltip: tips.join("\n") };
}
