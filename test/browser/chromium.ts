// Chromium for the browser tests: Debian's /usr/bin/chromium driven by
// playwright-core (Playwright's own browser download cannot work here).
// Provisioning: when the binary is missing and we are root (CI runs as root on
// a fresh Debian), `apt-get install -y chromium`; otherwise the error says
// exactly what is missing and how to get it.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.POLIS_CHROMIUM ?? "/usr/bin/chromium";

export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || CHROMIUM !== "/usr/bin/chromium" || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `Chromium ontbreekt: ${CHROMIUM} bestaat niet. Installeer het met \`sudo apt-get install -y chromium\` (Debian/Ubuntu), ` +
        `of wijs met POLIS_CHROMIUM=/pad/naar/chromium een andere Chromium aan. De browsertests gebruiken playwright-core met die browser; Playwright downloadt zelf niets.`,
    );
  }
  // Test files run in parallel workers: one installs, the others wait for it.
  withLock(() => {
    if (fs.existsSync(CHROMIUM)) return;
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const run = (args: string[]) => execFileSync("apt-get", args, { env, stdio: ["ignore", "ignore", "pipe"] });
    try {
      run(["install", "-y", "chromium"]);
    } catch {
      // A fresh machine has no package lists yet.
      run(["update"]);
      run(["install", "-y", "chromium"]);
    }
  });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get install -y chromium gaf geen ${CHROMIUM}`);
}

const LOCK = path.join(os.tmpdir(), "polis-chromium-install.lock");

function withLock(fn: () => void): void {
  const deadline = Date.now() + 540_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (Date.now() > deadline) throw new Error(`wachten op de installatie van Chromium duurt te lang; verwijder ${LOCK} als er geen installatie meer loopt`);
      Atomics.wait(pause, 0, 0, 500);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Browser {
  context: BrowserContext;
  /** Console errors, page errors and requests that left the allowed origins, per page. */
  problems: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A fresh profile in a temporary user-data-dir. Every page reports console
 * errors and uncaught exceptions into `problems`, and every request outside
 * `allowed` (origins or URL prefixes): the playground promises to make none.
 */
export async function launch(allowed: string[]): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: LAUNCH_ARGS,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: { width: 1400, height: 1000 },
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console-fout op ${page.url().slice(0, 80)}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`uitzondering op ${page.url().slice(0, 80)}: ${e.message}`));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith("data:") && !allowed.some((a) => url.startsWith(a))) problems.push(`verzoek naar buiten: ${url}`);
    });
  };
  context.on("page", watch);
  for (const p of context.pages()) watch(p);
  return {
    context,
    problems,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const ARTIFACTS = path.resolve("test/browser/artifacts");

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
