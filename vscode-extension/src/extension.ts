// The molt VS Code extension: starts molt-lsp with vscode-languageclient, forwards the
// `molt.*` settings, wraps the server's commands (so that the palette and the code lenses
// pass the current document and show the results), and adds a status bar item, coverage and
// profile heat decorations, the IR view and a coverage report.

import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

import {
  COVERAGE_LEVELS,
  FileCoverage,
  PROFILE_LEVELS,
  ProfileHeat,
  Shade,
  coverageReport,
  coverageShades,
  functionAt,
  profileShades,
} from "./heat";
import { documentArgument, isPython } from "./documents";
import { decodeQuery, encodeQuery, irFor, irPath } from "./ir";
import { RunResult, formatRun, formatRunError } from "./run";
import { findServer, isFound } from "./serverPath";
import { answerConfiguration, nextRemarks, serverSettings } from "./settings";
import { BuildTracker, ServerState, statusText } from "./status";

/** The commands the server executes (`workspace/executeCommand`); the extension wraps them. */
export const SERVER_COMMANDS = ["molt.build", "molt.run", "molt.runProfiled", "molt.showIr"];

const IR_SCHEME = "molt-ir";
const REPORT_SCHEME = "molt-report";

let extension: MoltExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new MoltExtension(context);
  context.subscriptions.push(extension);
  await extension.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}

class MoltExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private serverState: ServerState = "starting";
  private readonly builds = new BuildTracker();
  private readonly status: vscode.StatusBarItem;
  private readonly runChannel: vscode.OutputChannel;
  private readonly log: vscode.OutputChannel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Handlers of the server commands while no server runs (they say why nothing happens). */
  private fallbackCommands: vscode.Disposable[] = [];
  private readonly coverage = new Map<string, FileCoverage>();
  private readonly profiles = new Map<string, ProfileHeat | null>();
  private readonly coverageTypes: vscode.TextEditorDecorationType[];
  private readonly profileTypes: vscode.TextEditorDecorationType[];
  private readonly staleTypes: vscode.TextEditorDecorationType[];
  private readonly staleLabel: vscode.TextEditorDecorationType;
  private readonly irChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly reports = new Map<string, string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Counts refreshes, so that one overtaken by a newer one stops drawing. */
  private refreshGeneration = 0;
  private stateListener: vscode.Disposable | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status = vscode.window.createStatusBarItem("molt.status", vscode.StatusBarAlignment.Left, 10);
    this.status.name = "molt";
    this.status.command = "molt.showCoverageReport";
    this.runChannel = vscode.window.createOutputChannel("Molt Run");
    this.log = vscode.window.createOutputChannel("molt");
    this.coverageTypes = shades(COVERAGE_LEVELS, (i) => ({
      backgroundColor: `rgba(230, 180, 0, ${(0.08 + 0.1 * i).toFixed(2)})`,
    }));
    this.profileTypes = shades(PROFILE_LEVELS, (i) => ({
      backgroundColor: `rgba(230, 60, 30, ${(0.06 + 0.08 * i).toFixed(2)})`,
      overviewRulerColor: `rgba(230, 60, 30, ${(0.3 + 0.14 * i).toFixed(2)})`,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }));
    // A stale profile: grey, fainter, and a label on its hottest line.
    this.staleTypes = shades(PROFILE_LEVELS, (i) => ({
      backgroundColor: `rgba(128, 128, 128, ${(0.04 + 0.04 * i).toFixed(2)})`,
      overviewRulerColor: `rgba(128, 128, 128, ${(0.2 + 0.08 * i).toFixed(2)})`,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }));
    this.staleLabel = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      after: {
        contentText: "  stale profile — re-run with profile",
        color: new vscode.ThemeColor("editorCodeLens.foreground"),
        fontStyle: "italic",
      },
    });
    this.disposables.push(
      this.status,
      this.runChannel,
      this.log,
      this.irChanged,
      this.staleLabel,
      ...this.coverageTypes,
      ...this.profileTypes,
      ...this.staleTypes,
    );
    this.registerClientCommands();
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(IR_SCHEME, {
        onDidChange: this.irChanged.event,
        provideTextDocumentContent: (uri) => this.irContent(uri),
      }),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
        provideTextDocumentContent: (uri) => this.reports.get(uri.toString()) ?? "",
      }),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.serverState === "missing") {
          void this.restart();
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.scheduleRefresh(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.updateStatus(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isPython(e.document)) {
          this.scheduleRefresh(600);
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isPython(d)) {
          this.scheduleRefresh(300);
        }
      }),
    );
    this.updateStatus();
  }

  // ----- the server -----

  async start(): Promise<void> {
    // An untrusted workspace's own binaries (target/release/molt-lsp) are not run.
    const folders = vscode.workspace.isTrusted
      ? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)
      : [];
    const found = findServer({
      configured: vscode.workspace.getConfiguration("molt").get<string>("server.path"),
      pathEnv: process.env.PATH,
      workspaceFolders: folders,
      home: process.env.HOME,
    });
    if (!isFound(found)) {
      this.setServerState("missing");
      // Clears the heat of a server that ran before.
      this.scheduleRefresh(0);
      this.registerFallbackCommands(found.message);
      this.log.appendLine(found.message);
      const open = "Open settings";
      void vscode.window.showErrorMessage(found.message, open).then((choice) => {
        if (choice === open) {
          void vscode.commands.executeCommand("workbench.action.openSettings", "molt.server.path");
        }
      });
      return;
    }
    this.disposeFallbackCommands();
    this.log.appendLine(`molt: starting ${found.path} (found through ${found.source})`);
    const serverOptions: ServerOptions = {
      run: { command: found.path, args: ["--stdio"] },
      debug: { command: found.path, args: ["--stdio"] },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python" }],
      initializationOptions: this.serverSettings(),
      outputChannel: this.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: {
        executeCommand: (command, args, next) => this.executeServerCommand(command, args, next),
        handleWorkDoneProgress: (token, params, next) => {
          this.builds.progress(token, params);
          this.updateStatus();
          next(token, params);
        },
        workspace: {
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) {
              return answers;
            }
            return answerConfiguration(params.items, answers, this.serverSettings());
          },
        },
      },
    };
    const client = new LanguageClient("molt", "molt", serverOptions, clientOptions);
    this.client = client;
    this.stateListener?.dispose();
    this.stateListener = client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.setServerState("running");
      } else if (e.newState === State.Starting) {
        this.setServerState("starting");
      } else {
        this.setServerState("stopped");
      }
    });
    this.setServerState("starting");
    try {
      await client.start();
      this.setServerState("running");
      this.scheduleRefresh(0);
    } catch (e) {
      this.setServerState("stopped");
      const message = `molt: could not start ${found.path}: ${errorText(e)}`;
      this.log.appendLine(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (e) {
        this.log.appendLine(`molt: stopping the server: ${errorText(e)}`);
      }
    }
  }

  private async restart(): Promise<void> {
    await this.stop();
    this.coverage.clear();
    this.profiles.clear();
    await this.start();
  }

  private serverSettings(): Record<string, unknown> {
    const config = vscode.workspace.getConfiguration("molt");
    return serverSettings((key) => config.get(key));
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (e.affectsConfiguration("molt.server.path")) {
      void this.restart();
      return;
    }
    if (e.affectsConfiguration("molt.heat")) {
      this.scheduleRefresh(0);
    }
    if (e.affectsConfiguration("molt") && this.client?.isRunning()) {
      void this.client
        .sendNotification(DidChangeConfigurationNotification.type, { settings: { molt: this.serverSettings() } })
        .then(() => this.scheduleRefresh(300));
    }
  }

  private setServerState(state: ServerState): void {
    this.serverState = state;
    this.updateStatus();
  }

  // ----- commands -----

  private registerClientCommands(): void {
    const register = (id: string, f: (...args: unknown[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, f));
    register("molt.restartServer", () => this.restart());
    register("molt.toggleRemarks", async () => {
      const config = vscode.workspace.getConfiguration("molt");
      const next = nextRemarks(config.get("remarks"));
      await config.update("remarks", next, configTarget());
      vscode.window.setStatusBarMessage(`molt: remarks: ${next}`, 4000);
    });
    register("molt.toggleCoverageHeat", () => toggle("heat.coverage"));
    register("molt.toggleProfileHeat", () => toggle("heat.profile"));
    register("molt.showCoverageReport", () => this.showCoverageReport());
  }

  /** While no server runs, the server's commands say so instead of "command not found". */
  private registerFallbackCommands(message: string): void {
    this.disposeFallbackCommands();
    for (const id of SERVER_COMMANDS) {
      this.fallbackCommands.push(
        vscode.commands.registerCommand(id, () => void vscode.window.showErrorMessage(message)),
      );
    }
  }

  private disposeFallbackCommands(): void {
    this.fallbackCommands.forEach((d) => d.dispose());
    this.fallbackCommands = [];
  }

  /** Every `molt.build` / `molt.run` / `molt.runProfiled` / `molt.showIr`, from the palette,
   * a code lens or a key binding, comes here (vscode-languageclient registers the commands
   * the server announces and calls this middleware). */
  private async executeServerCommand(
    command: string,
    args: unknown[],
    next: (command: string, args: unknown[]) => vscode.ProviderResult<unknown>,
  ): Promise<unknown> {
    const uri = documentArgument(args);
    if (uri === undefined) {
      void vscode.window.showWarningMessage(`molt: ${command} needs a Python file: open one first.`);
      return undefined;
    }
    const rest = args.length > 1 ? args.slice(1) : [];
    const file = path.basename(vscode.Uri.parse(uri).fsPath);
    const client = this.client;
    if (!client) {
      return next(command, [uri, ...rest]);
    }
    const send = () => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [uri, ...rest] });
    switch (command) {
      case "molt.build": {
        try {
          const result = (await send()) as { artifact?: string; durationMs?: number } | null;
          this.builds.commandResult(file, result ?? undefined);
          this.updateStatus();
          vscode.window.setStatusBarMessage(`molt: built ${result?.artifact ?? file}`, 5000);
          return result;
        } catch (e) {
          this.builds.commandResult(file, undefined, errorText(e));
          this.updateStatus();
          return undefined;
        }
      }
      case "molt.run":
      case "molt.runProfiled": {
        const profiled = command === "molt.runProfiled";
        this.runChannel.show(true);
        try {
          const result = (await send()) as RunResult | null;
          this.builds.commandResult(file, undefined);
          this.runChannel.append(formatRun(file, result ?? {}, profiled));
          if (profiled) {
            this.profiles.delete(uri);
            this.scheduleRefresh(0);
          }
          return result;
        } catch (e) {
          this.builds.commandResult(file, undefined, errorText(e));
          this.updateStatus();
          this.runChannel.append(formatRunError(file, errorText(e)));
          return undefined;
        }
      }
      case "molt.showIr":
        return this.showIr(uri);
      default:
        return next(command, [uri, ...rest]);
    }
  }

  private async showIr(uri: string): Promise<void> {
    const source = vscode.Uri.parse(uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    let fn: string | undefined;
    if (editor) {
      const coverage = await this.fetchCoverage(editor.document);
      const at = coverage && functionAt(coverage, editor.selection.active);
      fn = at && at.name !== "<module>" ? at.name : undefined;
    }
    const irUri = vscode.Uri.from({
      scheme: IR_SCHEME,
      path: irPath(source.path, fn),
      query: encodeQuery({ uri, function: fn }),
    });
    const doc = await vscode.workspace.openTextDocument(irUri);
    this.irChanged.fire(irUri);
    if (doc.languageId !== "molt-ir") {
      await vscode.languages.setTextDocumentLanguage(doc, "molt-ir");
    }
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private async irContent(irUri: vscode.Uri): Promise<string> {
    const query = decodeQuery(irUri.query);
    if (!query) {
      return "; not a molt IR document\n";
    }
    if (!this.client?.isRunning()) {
      return "; molt-lsp is not running\n";
    }
    try {
      const ir = await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: "molt.showIr",
        arguments: [query.uri],
      });
      return irFor(typeof ir === "string" ? ir : "", query.function);
    } catch (e) {
      return `; molt.showIr failed: ${errorText(e)}\n`;
    }
  }

  private async showCoverageReport(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPython(editor.document)) {
      void vscode.window.showWarningMessage("molt: open a Python file to see its coverage report.");
      return;
    }
    const coverage = await this.fetchCoverage(editor.document);
    if (!coverage) {
      void vscode.window.showWarningMessage("molt: no coverage for this file (is molt-lsp running?).");
      return;
    }
    const name = vscode.workspace.asRelativePath(editor.document.uri);
    const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `${editor.document.uri.path}.coverage.md` });
    this.reports.set(reportUri.toString(), coverageReport(name, coverage));
    const doc = await vscode.workspace.openTextDocument(reportUri);
    if (doc.languageId !== "markdown") {
      await vscode.languages.setTextDocumentLanguage(doc, "markdown");
    }
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  // ----- coverage, profile heat and status -----

  private async fetchCoverage(doc: vscode.TextDocument): Promise<FileCoverage | undefined> {
    const client = this.client;
    if (!client?.isRunning()) {
      return undefined;
    }
    try {
      const result = await client.sendRequest<FileCoverage | null>("molt/fileCoverage", {
        textDocument: { uri: doc.uri.toString() },
      });
      if (result) {
        this.coverage.set(doc.uri.toString(), result);
        return result;
      }
    } catch (e) {
      this.log.appendLine(`molt: molt/fileCoverage: ${errorText(e)}`);
    }
    return undefined;
  }

  private async fetchProfile(doc: vscode.TextDocument): Promise<ProfileHeat | null> {
    const client = this.client;
    if (!client?.isRunning()) {
      return null;
    }
    try {
      const result = await client.sendRequest<ProfileHeat | null>("molt/profileHeat", {
        textDocument: { uri: doc.uri.toString() },
      });
      this.profiles.set(doc.uri.toString(), result);
      return result;
    } catch (e) {
      this.log.appendLine(`molt: molt/profileHeat: ${errorText(e)}`);
      return null;
    }
  }

  private scheduleRefresh(delayMs: number): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, delayMs);
  }

  /** Fetches coverage (and the profile, when its heat is on) of the visible Python editors,
   * then redraws their decorations and the status bar. */
  private async refresh(): Promise<void> {
    // A refresh that a newer one overtakes while it waits for the server stops drawing: its
    // answers may predate the newer one's (a profile fetched before a profiled run ended).
    const generation = ++this.refreshGeneration;
    const overtaken = () => generation !== this.refreshGeneration;
    const config = vscode.workspace.getConfiguration("molt");
    const coverageOn = config.get<boolean>("heat.coverage", false);
    const profileOn = config.get<boolean>("heat.profile", true) && config.get("profile") !== "off";
    for (const editor of vscode.window.visibleTextEditors) {
      if (!isPython(editor.document)) {
        continue;
      }
      const coverage = await this.fetchCoverage(editor.document);
      if (overtaken()) {
        return;
      }
      this.apply(editor, this.coverageTypes, coverageOn && coverage ? coverageShades(coverage) : []);
      const profile = profileOn ? await this.fetchProfile(editor.document) : null;
      if (overtaken()) {
        return;
      }
      const profileShadesList = profile ? profileShades(profile) : [];
      this.apply(editor, this.profileTypes, profile && !profile.stale ? profileShadesList : []);
      this.apply(editor, this.staleTypes, profile && profile.stale ? profileShadesList : []);
      const hottest = profile?.stale
        ? [...profile.lines].sort((a, b) => b.share - a.share).find((l) => l.samples > 0)
        : undefined;
      editor.setDecorations(
        this.staleLabel,
        hottest && hottest.line < editor.document.lineCount ? [editor.document.lineAt(hottest.line).range] : [],
      );
    }
    this.updateStatus();
  }

  private apply(editor: vscode.TextEditor, types: vscode.TextEditorDecorationType[], list: Shade[]): void {
    const byLevel: vscode.DecorationOptions[][] = types.map(() => []);
    for (const s of list) {
      if (s.line >= editor.document.lineCount || s.level < 1) {
        continue;
      }
      const md = new vscode.MarkdownString(s.hover);
      byLevel[Math.min(types.length, s.level) - 1].push({ range: editor.document.lineAt(s.line).range, hoverMessage: md });
    }
    types.forEach((t, i) => editor.setDecorations(t, byLevel[i]));
  }

  private updateStatus(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): void {
    let cursor;
    if (editor && isPython(editor.document)) {
      const coverage = this.coverage.get(editor.document.uri.toString());
      const f = coverage && functionAt(coverage, editor.selection.active);
      if (f) {
        const l = f.lanes;
        cursor = {
          name: f.name,
          score: f.score,
          dynamic: l.dynamic,
          total: l.native + l.guarded + l.runtime + l.dynamic,
        };
      }
    }
    const { text, tooltip } = statusText(this.serverState, this.builds.state, cursor);
    this.status.text = text;
    this.status.tooltip = `${tooltip}\nClick for the coverage report of this file.`;
    this.status.show();
  }

  dispose(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }
    this.disposeFallbackCommands();
    this.stateListener?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function shades(
  n: number,
  options: (i: number) => vscode.DecorationRenderOptions,
): vscode.TextEditorDecorationType[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(vscode.window.createTextEditorDecorationType({ isWholeLine: true, ...options(i) }));
  }
  return out;
}


function configTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
}

async function toggle(key: string): Promise<void> {
  const config = vscode.workspace.getConfiguration("molt");
  const value = !config.get<boolean>(key);
  await config.update(key, value, configTarget());
  vscode.window.setStatusBarMessage(`molt: ${key} ${value ? "on" : "off"}`, 4000);
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    return e.message;
  }
  return String(e);
}
