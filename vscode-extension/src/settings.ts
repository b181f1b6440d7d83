// The server's settings as the extension sends them (initializationOptions,
// workspace/didChangeConfiguration, and the answer to workspace/configuration for the section
// `molt`). Pure logic: `get` reads one key of the `molt` section.

/** The keys the server reads (lsp/src/server/settings.rs), in the order of the docs. */
export const SERVER_KEYS = [
  "buildOnSave",
  "remarks",
  "missedSeverity",
  "outDir",
  "profile",
  "remoteCache",
  "extraPaths",
] as const;

export type ServerKey = (typeof SERVER_KEYS)[number];

/** The server's settings object: only the keys the server knows (the extension's own,
 * such as `server.path` and `heat.*`, are left out so that the server does not log them as
 * unknown). A key whose value is `undefined` is left out too: the server keeps its value. */
export function serverSettings(get: (key: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const value = get(key);
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** The values `Molt: Toggle remarks` cycles through. */
export const REMARKS_CYCLE = ["all", "missed", "off"] as const;

/** The `remarks` value after `current` in the cycle (an unknown value goes to the first). */
export function nextRemarks(current: unknown): string {
  const i = REMARKS_CYCLE.indexOf(current as (typeof REMARKS_CYCLE)[number]);
  return REMARKS_CYCLE[(i + 1) % REMARKS_CYCLE.length];
}

/** Answers a `workspace/configuration` request: `answers` are the client's default answers
 * (one per item); those of the section `molt` are replaced by the server settings. */
export function answerConfiguration(
  items: { section?: string }[],
  answers: unknown[],
  settings: Record<string, unknown>,
): unknown[] {
  return items.map((item, i) => (item.section === "molt" ? settings : answers[i]));
}
