// End-to-end test of the extension in real VS Code: code-server (VS Code in a browser, from
// npm) driven by Debian's headless Chromium through playwright-core. It installs the .vsix,
// opens a workspace with a Python file, and checks what a user sees:
//   1. a remark squiggle renders, and hovering it shows the server's text;
//   2. the status bar item shows the server and the coverage of the function under the cursor;
//   3. clicking the `▶ Run` code lens runs the program through the extension's wrapper (the
//      output appears in the "Molt Run" output channel);
//   4. `Molt: Show optimized IR` opens the function's MIR in a read-only molt-ir document;
//   5. coverage heat (on in this test's settings) shades the dynamic lines, and `▶ Run with
//      profile` adds profile heat, grey once an edit makes the profile stale;
//   6. a `molt.server.path` naming no file gives an error with a button, and fixing it (or
//      `Molt: Restart server`) brings the server back; no command is registered twice.
// It saves screenshots in the output folder.
//
// Usage: node test/e2e/run.js  (environment below; ci.sh sets it)
//   MOLT_LSP     the molt-lsp binary (required)
//   CODE_SERVER  the code-server launcher (required)
//   VSIX         the .vsix to install (default: ./molt-lsp-<version>.vsix)
//   CHROMIUM     the browser (default: /usr/lib/chromium/chromium-headless-shell)
//   E2E_OUT      where screenshots and logs go (default: ./e2e-output)

"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const version = require(path.join(root, "package.json")).version;
const env = {
  molt: process.env.MOLT_LSP,
  codeServer: process.env.CODE_SERVER,
  vsix: process.env.VSIX || path.join(root, `molt-lsp-${version}.vsix`),
  chromium: process.env.CHROMIUM || "/usr/lib/chromium/chromium-headless-shell",
  out: process.env.E2E_OUT || path.join(root, "e2e-output"),
};

const PROGRAM = `class Point:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    return s


def scale(a, b):
    return a * b


def label(item):
    return item.name


if __name__ == "__main__":
    print("total", total(20_000_000))
    print("scaled", scale(3, 4))
    print("norm2", Point(3.0, 4.0).norm2())
`;

// Clicks the code lens `lens` until the panel `output` shows `text`: on a loaded machine a
// click is sometimes lost (the lenses are redrawn while the server refreshes them). At most
// three clicks, 45 s apart.
async function clickUntilOutput(lens, output, text) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await lens.click();
    try {
      await output.filter({ hasText: text }).first().waitFor({ timeout: 45000 });
      return;
    } catch {
      log(`no "${text}" in the panel after click ${attempt} on the lens`);
    }
  }
  throw new Error(`three clicks on the lens did not bring "${text}" into the panel`);
}

let passed = 0;
let failed = 0;
const started = Date.now();

function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${s}s] ${message}`);
}

async function check(name, f) {
  try {
    await f();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e && e.stack ? e.stack : e).split("\n").join("\n  ")}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function requireFile(what, p) {
  if (!p || !fs.existsSync(p)) {
    console.error(`e2e: ${what} not found: ${p || "(not set)"}`);
    process.exit(2);
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForListening(child, port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}`);
    }
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not listen on ${port} within ${ms} ms`);
}

/** Runs a command from the command palette. */
async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press("Enter");
}

async function main() {
  requireFile("MOLT_LSP (the molt-lsp binary)", env.molt);
  requireFile("CODE_SERVER (the code-server launcher)", env.codeServer);
  requireFile("VSIX", env.vsix);
  requireFile("CHROMIUM", env.chromium);
  fs.mkdirSync(env.out, { recursive: true });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "molt-e2e-"));
  const extensions = path.join(tmp, "extensions");
  const userData = path.join(tmp, "user-data");
  const workspace = path.join(tmp, "workspace");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, "app.py"), PROGRAM);
  fs.writeFileSync(
    path.join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "chat.disableAIFeatures": true,
        "security.workspace.trust.enabled": false,
        "workbench.tips.enabled": false,
        "extensions.ignoreRecommendations": true,
        "telemetry.telemetryLevel": "off",
        "editor.hover.delay": 200,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "chat.commandCenter.enabled": false,
        "window.zoomLevel": 0,
        "molt.server.path": path.resolve(env.molt),
        "molt.heat.coverage": true,
        // Missed optimizations as warnings: the squiggle this test hovers (whatever the
        // default of `molt.remarks` is, missed remarks are shown).
        "molt.missedSeverity": "warning",
      },
      null,
      2,
    ),
  );
  const base = ["--extensions-dir", extensions, "--user-data-dir", userData];
  const childEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "config"), XDG_DATA_HOME: path.join(tmp, "data") };

  log(`installing ${env.vsix}`);
  const install = spawnSync(env.codeServer, [...base, "--install-extension", env.vsix], {
    env: childEnv,
    encoding: "utf8",
    timeout: 120000,
  });
  fs.writeFileSync(path.join(env.out, "install.log"), `${install.stdout}\n${install.stderr}`);
  await check("the .vsix installs into code-server", () => {
    if (install.status !== 0) {
      throw new Error(`--install-extension exited with ${install.status}: ${install.stderr}`);
    }
    const dirs = fs.readdirSync(extensions).filter((d) => d.startsWith("molt.molt-lsp-"));
    if (dirs.length !== 1) {
      throw new Error(`expected molt.molt-lsp-* in ${extensions}, found ${fs.readdirSync(extensions)}`);
    }
  });

  const port = await freePort();
  const serverLog = fs.openSync(path.join(env.out, "code-server.log"), "w");
  const server = spawn(
    env.codeServer,
    [
      ...base,
      "--auth",
      "none",
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      workspace,
    ],
    { env: childEnv, stdio: ["ignore", serverLog, serverLog], detached: true },
  );
  let browser;
  try {
    await waitForListening(server, port, 60000);
    log(`code-server listening on ${port}`);
    const { chromium } = require("playwright-core");
    browser = await chromium.launch({
      executablePath: env.chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60000 });
    log("workbench loaded");

    // Open app.py with Quick Open.
    await page.locator(".part.statusbar").waitFor({ timeout: 30000 });
    await page.keyboard.press("Control+P");
    const quick = page.locator(".quick-input-widget input");
    await quick.waitFor({ state: "visible", timeout: 15000 });
    await quick.fill("app.py");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "app.py" }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press("Enter");
    const editor = page.locator(".editor-instance .monaco-editor").first();
    await editor.waitFor({ timeout: 15000 });
    log("app.py open");

    const squiggles = page.locator(
      ".monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info",
    );
    await check("a remark squiggle renders", async () => {
      await squiggles.first().waitFor({ state: "attached", timeout: 60000 });
      log(`${await squiggles.count()} squiggles`);
    });

    await check("hovering the squiggle shows the server's text", async () => {
      // For the screenshot: the code lenses and inlay hints are there too.
      await page.locator(".contentWidgets .codelens-decoration").first().waitFor({ timeout: 30000 });
      await page.waitForTimeout(500);
      // The `unbox.missed` remark is on `a` of `a * b` (line 18), a warning.
      const warning = page.locator(".monaco-editor .squiggly-warning");
      await warning.first().waitFor({ state: "attached", timeout: 30000 });
      const box = await warning.first().boundingBox();
      if (!box) {
        throw new Error("the squiggle has no box");
      }
      let text = "";
      for (let attempt = 0; attempt < 5 && !/unbox\.missed/.test(text); attempt++) {
        await page.mouse.move(box.x + box.width / 2 + attempt, box.y + box.height / 2 - 3);
        const hover = page.locator(".monaco-hover-content").first();
        try {
          await hover.waitFor({ state: "visible", timeout: 5000 });
          text = await hover.innerText();
        } catch {
          // try a little further right
        }
      }
      log(`hover: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
      if (!/molt/.test(text) || !/unbox\.missed/.test(text) || !/`a` has no type annotation/.test(text)) {
        throw new Error(`the hover does not show a molt remark: ${JSON.stringify(text)}`);
      }
      await page.waitForTimeout(600); // the hover's fade-in
      await page.screenshot({ path: path.join(env.out, "hover.png") });
    });

    await check("the status bar shows the server and the coverage under the cursor", async () => {
      // Put the cursor in `total` (line 12) with Go to Line.
      await page.mouse.move(5, 5);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+G");
      await quick.waitFor({ state: "visible", timeout: 10000 });
      await quick.fill(":12");
      await page.keyboard.press("Enter");
      const item = page.locator(".statusbar-item", { hasText: /molt/ }).first();
      await item.waitFor({ timeout: 20000 });
      let text = "";
      for (let i = 0; i < 40 && !/total \d+%/.test(text); i++) {
        text = (await item.innerText()).replace(/\u00a0/g, " ");
        await page.waitForTimeout(250);
      }
      log(`status: ${text}`);
      if (!/total \d+%/.test(text)) {
        throw new Error(`status bar item: ${JSON.stringify(text)}`);
      }
    });

    await check("coverage heat shades the lines with dynamic operations", async () => {
      // The decorations of the heat have an rgba background; `item.name` (line 22) is a
      // dynamic attribute lookup.
      const shaded = await page.evaluate(() => {
        let n = 0;
        for (const el of document.querySelectorAll(".monaco-editor .view-overlays div > div")) {
          const bg = getComputedStyle(el).backgroundColor;
          if (/rgba\(230, 180, 0/.test(bg)) n++;
        }
        return n;
      });
      log(`${shaded} shaded lines`);
      if (shaded < 1) {
        throw new Error("no line has the coverage heat background");
      }
    });
    await page.screenshot({ path: path.join(env.out, "vscode.png") });

    await check("clicking the ▶ Run code lens runs the program; its output is in Molt Run", async () => {
      const lens = page.locator(".contentWidgets .codelens-decoration a", { hasText: "▶ Run" }).first();
      await lens.waitFor({ timeout: 30000 });
      // The wrapper shows the "Molt Run" channel with the program's stdout.
      const output = page.locator(".part.panel .monaco-editor .view-lines");
      await clickUntilOutput(lens, output, "scaled 12");
      const text = (await output.first().innerText()).replace(/\u00a0/g, " ");
      log(`Molt Run: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
      if (!/exit code 0/.test(text)) {
        throw new Error(`no exit code in the Molt Run channel: ${JSON.stringify(text)}`);
      }
      await page.screenshot({ path: path.join(env.out, "run.png") });
    });

    await check("▶ Run with profile: profile heat shades the hot loop, with overview-ruler marks", async () => {
      // The Molt Run panel now covers the bottom of the editor: bring the lens's line back.
      await page.locator(".editor-instance .monaco-editor").first().click({ position: { x: 200, y: 10 } });
      await page.keyboard.press("Control+G");
      await quick.waitFor({ state: "visible", timeout: 10000 });
      await quick.fill(":25");
      await page.keyboard.press("Enter");
      const lens = page.locator(".contentWidgets .codelens-decoration a", { hasText: "▶ Run with profile" }).first();
      await lens.waitFor({ timeout: 30000 });
      const output = page.locator(".part.panel .monaco-editor .view-lines");
      await clickUntilOutput(lens, output, "profile:");
      // Only the lines in the viewport are rendered: bring the hot loop (lines 12-13) into view
      // before looking for its heat (the Molt Run panel may leave room for a few lines only).
      const showHotLoop = async () => {
        await page.locator(".editor-instance .monaco-editor").first().click({ position: { x: 200, y: 10 } });
        await page.keyboard.press("Control+G");
        await quick.waitFor({ state: "visible", timeout: 10000 });
        await quick.fill(":12");
        await page.keyboard.press("Enter");
      };
      await showHotLoop();
      let hot = 0;
      for (let i = 0; i < 160 && hot === 0; i++) {
        await page.waitForTimeout(250);
        if (i % 40 === 39) {
          await showHotLoop();
        }
        hot = await page.evaluate(() => {
          let n = 0;
          for (const el of document.querySelectorAll(".monaco-editor .view-overlays div > div")) {
            if (/rgba\(230, 60, 30/.test(getComputedStyle(el).backgroundColor)) n++;
          }
          return n;
        });
      }
      log(`${hot} hot lines`);
      if (hot < 1) {
        throw new Error("no line has the profile heat background");
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(env.out, "profile.png") });
    });

    await check("Molt: Show optimized IR opens the MIR of the function under the cursor", async () => {
      await page.locator(".editor-instance .monaco-editor").first().click({ position: { x: 200, y: 10 } });
      await page.keyboard.press("Control+G");
      await quick.waitFor({ state: "visible", timeout: 10000 });
      await quick.fill(":13");
      await page.keyboard.press("Enter");
      await runCommand(page, "Molt: Show optimized IR");
      const ir = page.locator(".editor-instance .monaco-editor .view-lines", { hasText: 'function "total"' });
      await ir.first().waitFor({ timeout: 30000 });
      const text = (await ir.first().innerText()).replace(/\u00a0/g, " ");
      if (/function "scale"/.test(text)) {
        throw new Error("the IR view shows other functions too");
      }
      const tab = page.locator(".tabs-container .tab", { hasText: "app.py:total.mir" });
      await tab.first().waitFor({ timeout: 10000 });
      await page.screenshot({ path: path.join(env.out, "ir.png") });
    });

    await check("after an edit the profile is stale: its heat turns grey", async () => {
      await page.locator(".editor-instance .monaco-editor").first().click({ position: { x: 200, y: 10 } });
      await page.keyboard.press("Control+Home");
      await page.keyboard.type("# edited\n");
      let grey = 0;
      for (let i = 0; i < 60 && grey === 0; i++) {
        await page.waitForTimeout(250);
        grey = await page.evaluate(() => {
          let n = 0;
          for (const el of document.querySelectorAll(".monaco-editor .view-overlays div > div")) {
            if (/rgba\(128, 128, 128/.test(getComputedStyle(el).backgroundColor)) n++;
          }
          return n;
        });
      }
      log(`${grey} grey lines`);
      if (grey < 1) {
        throw new Error("no line has the stale profile's grey background");
      }
      const label = await page.evaluate(() =>
        [...document.styleSheets]
          .flatMap((sheet) => {
            try {
              return [...sheet.cssRules].map((r) => r.cssText);
            } catch {
              return [];
            }
          })
          .some((t) => t.includes("stale profile — re-run with profile")),
      );
      if (!label) {
        throw new Error("no decoration carries the stale label");
      }
      await page.screenshot({ path: path.join(env.out, "stale.png") });
    });

    await check("a molt.server.path that names no file: an error with an Open settings button; fixing it restarts", async () => {
      // Workspace settings (the workspace folder is watched; they override the user's).
      const settingsPath = path.join(workspace, ".vscode", "settings.json");
      fs.mkdirSync(path.dirname(settingsPath), { recursive: true });
      fs.writeFileSync(settingsPath, JSON.stringify({ "molt.server.path": "/nonexistent/molt-lsp" }, null, 2));
      const toast = page.locator(".notification-toast", { hasText: "/nonexistent/molt-lsp is not an executable file" });
      await toast.first().waitFor({ timeout: 30000 });
      await toast.locator(".monaco-button", { hasText: "Open settings" }).first().waitFor({ timeout: 5000 });
      const item = page.locator(".statusbar-item", { hasText: /molt/ }).first();
      await item.filter({ hasText: "no server" }).waitFor({ timeout: 10000 });
      // The heat of the server that ran is gone.
      let heat = -1;
      for (let i = 0; i < 20 && heat !== 0; i++) {
        await page.waitForTimeout(250);
        heat = await page.evaluate(() => {
          let n = 0;
          for (const el of document.querySelectorAll(".monaco-editor .view-overlays div > div")) {
            if (/rgba\((230, 60, 30|230, 180, 0)/.test(getComputedStyle(el).backgroundColor)) n++;
          }
          return n;
        });
      }
      if (heat !== 0) {
        throw new Error(`${heat} lines keep their heat without a server`);
      }
      await page.screenshot({ path: path.join(env.out, "missing-server.png") });
      fs.writeFileSync(settingsPath, "{}\n");
      let text = "";
      for (let i = 0; i < 120 && !/^\S* ?molt( ·|$)/.test(text.trim()); i++) {
        await page.waitForTimeout(250);
        text = (await item.innerText()).replace(/\u00a0/g, " ").trim();
      }
      log(`status after the fix: ${text}`);
      if (/no server|stopped|starting/.test(text) || !/molt/.test(text)) {
        throw new Error(`the server did not come back: ${JSON.stringify(text)}`);
      }
    });

    await check("Molt: Restart server restarts it, and the diagnostics come back", async () => {
      await page.keyboard.press("Escape");
      await runCommand(page, "Molt: Restart server");
      await page.waitForTimeout(1000);
      await squiggles.first().waitFor({ state: "attached", timeout: 60000 });
      const item = page.locator(".statusbar-item", { hasText: /molt/ }).first();
      const text = (await item.innerText()).replace(/\u00a0/g, " ");
      if (/no server|stopped/.test(text)) {
        throw new Error(`status after restart: ${JSON.stringify(text)}`);
      }
    });
  } catch (e) {
    failed++;
    console.log(`not ok - the session failed\n  ${e && e.stack ? e.stack : e}`);
  } finally {
    if (browser) {
      await browser.close().catch(() => {});
    }
    // code-server and what it started (extension host, molt-lsp): its process group.
    killGroup(server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    killGroup(server.pid, "SIGKILL");
    await check("no command registration error in the extension host log", () => {
      const logs = [];
      const walk = (dir) => {
        for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith(".log")) logs.push(p);
        }
      };
      walk(path.join(userData, "logs"));
      if (logs.length === 0) {
        throw new Error("no extension host log found");
      }
      for (const p of logs) {
        const text = fs.readFileSync(p, "utf8");
        const bad = text.split("\n").find((l) => /command '?molt\.[A-Za-z]+'? already exists/.test(l));
        if (bad) {
          throw new Error(`${p}: ${bad}`);
        }
        if (/exthost|molt/i.test(path.basename(p))) fs.copyFileSync(p, path.join(env.out, path.basename(p)));
      }
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`e2e: ${passed} passed, ${failed} failed (${seconds} s); screenshots in ${env.out}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
