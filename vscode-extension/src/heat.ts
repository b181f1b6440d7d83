// The data of the custom requests `molt/fileCoverage` and `molt/profileHeat`
// (lsp/src/server/editor_api.rs), and what the heat decorations and the status bar make of
// it. Pure logic (no `vscode`).

/** An LSP position (0-based line, UTF-16 character). */
export interface Position {
  line: number;
  character: number;
}

/** An LSP range. */
export interface Range {
  start: Position;
  end: Position;
}

/** Operations by lane. */
export interface Lanes {
  native: number;
  guarded: number;
  runtime: number;
  dynamic: number;
}

/** One function's coverage (`molt/fileCoverage`). */
export interface FunctionCoverage {
  /** Qualified name (`Point.norm`; `<module>` for the module's own code). */
  name: string;
  /** The whole `def` statement (the whole file for `<module>`). */
  range: Range;
  /** Lowering score, 0..100. */
  score: number;
  lanes: Lanes;
}

/** One line's operations (`molt/fileCoverage`). */
export interface LineCoverage {
  /** 0-based line. */
  line: number;
  dynamic: number;
  total: number;
}

/** The result of `molt/fileCoverage`. */
export interface FileCoverage {
  functions: FunctionCoverage[];
  lines: LineCoverage[];
}

/** One line's profile figures (`molt/profileHeat`). */
export interface LineHeat {
  line: number;
  samples: number;
  /** Share of all samples of the run, 0..1. */
  share: number;
  /** Executions of the line's operations, summed. */
  executions: number;
  deopts: number;
}

/** The result of `molt/profileHeat` (`null` when the file has no profile). */
export interface ProfileHeat {
  profile: string;
  stale: boolean;
  /** Why it is stale (empty when fresh). */
  staleReason: string;
  totalSamples: number;
  lines: LineHeat[];
}

/** A line to shade: `level` picks one of the decoration types (1 = faintest). */
export interface Shade {
  line: number;
  level: number;
  hover: string;
}

/** How many shades the coverage heat has. */
export const COVERAGE_LEVELS = 4;
/** How many shades the profile heat has. */
export const PROFILE_LEVELS = 5;

/** The level (1..levels) of a fraction in (0, 1]; 0 for 0 or less. */
export function level(fraction: number, levels: number): number {
  if (!(fraction > 0)) {
    return 0;
  }
  return Math.min(levels, Math.max(1, Math.ceil(fraction * levels)));
}

/** Coverage heat: lines with dynamic operations, shaded by the dynamic share of the line's
 * operations. */
export function coverageShades(coverage: FileCoverage): Shade[] {
  const out: Shade[] = [];
  for (const l of coverage.lines) {
    if (l.total <= 0 || l.dynamic <= 0) {
      continue;
    }
    const share = l.dynamic / l.total;
    out.push({
      line: l.line,
      level: level(share, COVERAGE_LEVELS),
      hover: `**molt coverage**: ${l.dynamic} of ${l.total} operation${l.total === 1 ? "" : "s"} on this line ${l.dynamic === 1 ? "is" : "are"} dynamically dispatched (${percent(share)})`,
    });
  }
  return out;
}

/** Profile heat: lines that were sampled, shaded by their sample share relative to the
 * hottest line (so the hottest line is always the darkest); the hover has the counts. */
export function profileShades(heat: ProfileHeat): Shade[] {
  const max = Math.max(0, ...heat.lines.map((l) => l.share));
  const out: Shade[] = [];
  for (const l of heat.lines) {
    if (l.samples <= 0 || max <= 0) {
      continue;
    }
    const counts = [
      `${l.samples} sample${l.samples === 1 ? "" : "s"} (${percent(l.share)} of the run)`,
      `${l.executions} execution${l.executions === 1 ? "" : "s"}`,
    ];
    if (l.deopts > 0) {
      counts.push(`${l.deopts} deopt${l.deopts === 1 ? "" : "s"}`);
    }
    const stale = heat.stale ? `**stale profile — re-run with profile** (${heat.staleReason})\n\n` : "";
    out.push({
      line: l.line,
      level: level(l.share / max, PROFILE_LEVELS),
      hover: `${stale}**molt profile**: ${counts.join(" · ")}`,
    });
  }
  return out;
}

/** A share as a percentage with one decimal under 10%: `4.2%`, `37%`. */
export function percent(share: number): string {
  const p = share * 100;
  return p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

function contains(range: Range, pos: Position): boolean {
  const after =
    pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const before = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return after && before;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}

/** The innermost function whose range contains `pos` (`<module>` when no `def` does, if the
 * server sent it). */
export function functionAt(coverage: FileCoverage, pos: Position): FunctionCoverage | undefined {
  let best: FunctionCoverage | undefined;
  for (const f of coverage.functions) {
    if (contains(f.range, pos) && (best === undefined || size(f.range) < size(best.range))) {
      best = f;
    }
  }
  return best;
}

/** The coverage report of a file, as Markdown: functions from the least covered. */
export function coverageReport(file: string, coverage: FileCoverage): string {
  const total: Lanes = { native: 0, guarded: 0, runtime: 0, dynamic: 0 };
  for (const f of coverage.functions) {
    total.native += f.lanes.native;
    total.guarded += f.lanes.guarded;
    total.runtime += f.lanes.runtime;
    total.dynamic += f.lanes.dynamic;
  }
  const rows = [...coverage.functions].sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const out = [
    `# molt coverage: ${file}`,
    "",
    `Score of the file: **${Math.floor(score(total))}%** (operations weighted by lane: native 1, guarded 0.75, runtime 0.5, dynamic 0).`,
    "",
    "| function | line | score | native | guarded | runtime | dynamic |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const f of rows) {
    const l = f.lanes;
    out.push(
      `| \`${f.name}\` | ${f.range.start.line + 1} | ${Math.floor(f.score)}% | ${l.native} | ${l.guarded} | ${l.runtime} | ${l.dynamic} |`,
    );
  }
  const dynamicLines = coverage.lines.filter((l) => l.dynamic > 0).map((l) => l.line + 1);
  out.push("");
  out.push(
    dynamicLines.length
      ? `Lines with dynamic operations: ${dynamicLines.join(", ")}.`
      : "No line has a dynamic operation.",
  );
  return out.join("\n") + "\n";
}

/** The lowering score of lane counts, as the server computes it (0..100; 100 for none). */
export function score(l: Lanes): number {
  const total = l.native + l.guarded + l.runtime + l.dynamic;
  if (total === 0) {
    return 100;
  }
  return (100 * (l.native + 0.75 * l.guarded + 0.5 * l.runtime)) / total;
}
