// What `molt.run` and `molt.runProfiled` print in the "Molt Run" output channel. Pure logic.

/** The result of `molt.run` / `molt.runProfiled` (lsp/src/server/commands.rs). */
export interface RunResult {
  artifact?: string;
  exitCode?: number | null;
  stdout?: string;
  stderr?: string;
  timedOut?: boolean;
  durationMs?: number;
  profile?: string | null;
}

/** The channel text of a run of `file`: a header, the program's stdout, its stderr, and how
 * it ended. */
export function formatRun(file: string, result: RunResult, profiled: boolean): string {
  const lines: string[] = [];
  lines.push(`▶ ${profiled ? "Run with profile" : "Run"}: ${result.artifact ?? file}`);
  const out = result.stdout ?? "";
  const err = result.stderr ?? "";
  if (out) {
    lines.push(out.endsWith("\n") ? out.slice(0, -1) : out);
  }
  if (err) {
    lines.push("--- stderr ---");
    lines.push(err.endsWith("\n") ? err.slice(0, -1) : err);
  }
  let end: string;
  if (result.timedOut) {
    end = "killed: timed out";
  } else if (result.exitCode === null || result.exitCode === undefined) {
    end = "killed by a signal";
  } else {
    end = `exit code ${result.exitCode}`;
  }
  const ms = typeof result.durationMs === "number" ? ` in ${result.durationMs} ms` : "";
  lines.push(`■ ${end}${ms}`);
  if (profiled) {
    lines.push(result.profile ? `profile: ${result.profile}` : "the program wrote no profile");
  }
  return lines.join("\n") + "\n";
}

/** The channel text of a run that could not start (the build failed). */
export function formatRunError(file: string, message: string): string {
  return `▶ Run: ${file}\n✖ ${message}\n`;
}
