// The documentation site in a real browser (issue 14): `polis doc policies
// --out SITE` as users run it, then every page opened from disk (file://) in
// Debian's Chromium: no console error on any page, links followed (index →
// policy → change report → back, policy → playground, which decides the
// policy's first voorbeeld), readable on a phone, printable. Screenshots go to
// test/browser/artifacts/.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ROOT, assertBuilt, polis } from "../e2e/cli.js";
import { polisFilesIn } from "../../cli/io.js";
import { ensureChromium, launch, screenshot, type Browser } from "./chromium.js";

declare const document: { documentElement: { scrollWidth: number } };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-doc-"));
const site = path.join(tmp, "site");
const url = (file: string) => pathToFileURL(path.join(site, file)).href;
let browser: Browser;
let page: Page;
let cli: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  assertBuilt();
  ensureChromium();
  cli = await polis(["doc", "policies", "--out", site]);
  browser = await launch(["file://"]);
  page = await browser.newPage();
  page.setDefaultTimeout(30_000);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

describe("polis doc", { timeout: 180_000 }, () => {
  it("writes an index that links every policy, and every page opens without a console error", async () => {
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const count = polisFilesIn(path.join(ROOT, "policies")).length;
    expect(cli.stdout).toContain(`(${count} polissen, 2 wijzigingen, met de speelplaats)`);
    await page.goto(url("index.html"));
    const links = await page.locator("[data-testid=polis] a.titel").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    expect(links).toHaveLength(count);
    await screenshot(page, "doc-index");
    for (const [href, title] of links) {
      await page.goto(url(href!));
      expect(await page.locator("h1").innerText()).toBe(title);
      // The dependency picture has a node for every output.
      const outputs = await page.locator("[data-testid=uitvoer] tbody tr td:first-child").allInnerTexts();
      const nodes = await page.locator("[data-testid=afhankelijkheden] svg g[data-soort=uitvoer]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-naam")));
      expect(nodes.sort()).toEqual(outputs.sort());
      // Every voorbeeld of the repository passes, and the page says so.
      expect(await page.locator("[data-testid=voorbeeld][data-resultaat=mislukt]").count()).toBe(0);
    }
  });

  it("links a policy to its change report and back, and opens it in the playground", async () => {
    await page.goto(url("vgz-2012-eigen-risico.html"));
    await screenshot(page, "doc-polis");
    await page.locator("#afhankelijkheden").scrollIntoViewIfNeeded();
    await screenshot(page, "doc-afhankelijkheden");
    // Rules are grouped by article, in reading order, each with its text as written.
    const articles = await page.locator("#regels ~ h3").allInnerTexts();
    expect(articles.indexOf("Artikel 7.1")).toBeLessThan(articles.indexOf("Artikel 8.1"));
    expect(await page.locator("[data-testid=regel][data-regel=verplicht_eigen_risico] pre").innerText()).toMatch(/^regel verplicht_eigen_risico \(artikel 7\.1, 7\.4\):/);

    await page.click("a[data-testid=wijziging]");
    expect(await page.locator("h1").innerText()).toMatch(/^Wijzigingen in VGZ/);
    const about = await page.locator("main > p.meta a").allInnerTexts();
    expect(about).toEqual(["vgz/2012/eigen-risico.polis", "vgz/2013/eigen-risico.polis"]);
    await page.click("text=vgz/2013/eigen-risico.polis");
    expect(await page.locator("h1").innerText()).toMatch(/eigen risico/);
    await page.click("[data-testid=naar-index]");
    expect(page.url()).toBe(url("index.html"));

    await page.goto(url("vgz-2012-kraamzorg.html"));
    const source = fs.readFileSync(path.join(ROOT, "policies/vgz/2012/kraamzorg.polis"), "utf8");
    await page.click("[data-testid=open-speelplaats]");
    await page.waitForSelector("#beslissing[data-status=beslist]");
    expect(await page.locator(".cm-content").innerText()).toContain(source.split("\n").find((l) => l.startsWith("polis "))!);
    await screenshot(page, "doc-naar-speelplaats");
  });

  it("is readable on a phone and printable", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url("vgz-2012-verblijf.html"));
    // Wide tables and the picture scroll inside their own boxes; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "doc-telefoon");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".kruimels").isVisible()).toBe(false);
    expect(await page.locator(".knoppen").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1400, height: 1000 });
  });
});
