// The playground in a real browser (issue 14): Debian's Chromium driven by
// playwright-core, against `npm run playground` as users start it. Every page
// must show no console error and make no request outside the playground's own
// origin ("nothing leaves the browser"). Screenshots go to
// test/browser/artifacts/ (gitignored); the README shows copies from docs/img/.
// Decisions are compared with the same policy and case decided in Node.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { compile } from "../../compiler/pipeline.js";
import { load, type DecisionModule } from "../../compiler/emit/load.js";
import { parseCaseText } from "../../runtime/case.js";
import { ROOT } from "../e2e/cli.js";
import { ensureChromium, launch, screenshot, type Browser } from "./chromium.js";
import { serveStatic, startPlayground, type Server } from "./server.js";

const PROEF = fs.readFileSync(path.join(ROOT, "test/browser/fixtures/proef.polis"), "utf8");
/** A float would print 12345678901234568 here. */
const CASE = `{"geboortedatum": "1980-01-01", "aanvullend": true, "eigen_bijdrage": "0.20",
 "behandelingen": [{"datum": "2026-03-03", "zorg": "fysiotherapie", "kosten": "0.10"},
                   {"datum": "2026-03-04", "zorg": "tandarts", "kosten": "12345678901234567.89"}]}`;

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

function moduleOf(source: string): DecisionModule {
  const r = compile(source, "proef.polis");
  if (!r.policy) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return load(r.policy);
}

let server: Server;
let hosting: Server;
let browser: Browser;

beforeAll(async () => {
  ensureChromium();
  server = await startPlayground();
  hosting = await serveStatic(path.join(ROOT, "dist/playground"));
  browser = await launch([server.url, hosting.url, "file://"]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  hosting?.stop();
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

/** `document` inside page.evaluate / waitForFunction callbacks (they run in the page). */
declare const document: { querySelector(s: string): { textContent: string | null } | null; documentElement: { scrollWidth: number } };
declare const location: { hash: string };

async function open(url: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport);
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.waitForSelector("body[data-klaar=true]");
  return page;
}

async function setEditorText(page: Page, text: string): Promise<void> {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function outputs(page: Page): Promise<Record<string, unknown>> {
  const rows = await page.locator("[data-testid=uitvoer]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-naam"), e.getAttribute("data-waarde")]));
  return Object.fromEntries(rows.map(([k, v]) => [k, JSON.parse(v!)]));
}

describe("playground", { timeout: 180_000 }, () => {
  it("opens with an example policy decided, and says that nothing leaves the browser", async () => {
    const page = await open(server.url);
    await page.waitForSelector("#beslissing[data-status=beslist]");
    expect(await page.locator("[data-testid=privacy]").innerText()).toMatch(/stuurt niets naar een server/);
    // LANGUAGE.md §9.1: 1 to 30 January 2012, € 220 × 30 / 366 rounded to € 18.
    expect((await outputs(page)).verplicht).toBe("18.00");
    expect(await page.locator("[data-testid=uitleg-regel][data-regel=verplicht_eigen_risico]").getAttribute("data-artikel")).toBe("7.1, 7.4");
    // The repository's policies are there to choose from.
    const options = await page.locator("[data-testid=voorbeeld-polis] option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(options).toContain("policies/vgz/2013/eigen-risico.polis");
    await page.selectOption("[data-testid=voorbeeld-polis]", "policies/vgz/2012/kraamzorg.polis");
    await page.waitForFunction(() => document.querySelector("[data-testid=polis-titel]")?.textContent?.includes("raamzorg"));
    await page.waitForSelector("#beslissing[data-status=beslist]");
    // The bundle is minified (esbuild): most line breaks are gone (unminified it has about one per 25 characters).
    const bundle = await (await page.request.get(new URL("playground.js", server.url).href)).text();
    expect(bundle).toContain("onbekende naam");
    expect(bundle.split("\n").length).toBeLessThan(bundle.length / 50);
    await screenshot(page, "playground-voorbeeldpolis");
    await page.close();
  });

  it("underlines an error with its message and hint; once fixed, the form decides; the voorbeelden and eigenschappen run", async () => {
    const page = await open(server.url);
    await setEditorText(page, PROEF.replace("indien leeftijd < 18", "indien leeftyd < 18"));
    await page.waitForSelector("[data-testid=diagnose][data-code=P0301]");
    await page.waitForSelector("#beslissing[data-status=fout-in-polis]");
    await page.hover(".cm-lintRange-error");
    const tooltip = page.locator(".cm-tooltip [data-testid=diagnose-uitleg]");
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain("onbekende naam `leeftyd`");
    expect(await tooltip.innerText()).toContain("bedoelde u `leeftijd`?");
    await screenshot(page, "playground-diagnose");

    // Fix it by typing: double-click selects the wrong word, then type the right one.
    await page.mouse.move(0, 0);
    await page.dblclick(".cm-lintRange-error");
    await page.keyboard.type("leeftijd");
    await page.waitForSelector("#diagnostiek:not(:has(li))", { state: "attached" });

    // The form is generated from `invoer`: a date picker, a select, amounts as text, rows for the list.
    await page.waitForSelector("input[type=date][data-veld=geboortedatum]");
    await page.fill("[data-veld=geboortedatum]", "1980-01-01");
    await page.selectOption("[data-veld=aanvullend]", { label: "ja" });
    await page.fill("[data-veld=eigen_bijdrage]", "0,20");
    while ((await page.locator(".lijst-rij .verwijder").count()) > 0) await page.locator(".lijst-rij .verwijder").first().click();
    await page.click("[data-testid=rij-toevoegen][data-lijst=behandelingen]");
    await page.click("[data-testid=rij-toevoegen][data-lijst=behandelingen]");
    await page.fill('[data-veld="behandelingen[0].datum"]', "2026-03-03");
    await page.selectOption('[data-veld="behandelingen[0].zorg"]', { label: "fysiotherapie" });
    await page.fill('[data-veld="behandelingen[0].kosten"]', "0,10");
    await page.fill('[data-veld="behandelingen[1].datum"]', "2026-03-04");
    await page.selectOption('[data-veld="behandelingen[1].zorg"]', { label: "tandarts" });
    await page.fill('[data-veld="behandelingen[1].kosten"]', "12.345.678.901.234.567,89");
    await page.waitForSelector("#beslissing[data-status=beslist]");

    const got = await outputs(page);
    expect(got).toEqual({ vergoeding_fysio: "0.10", vergoeding_overig: "12345678901234567.69", totaal: "12345678901234567.79" });
    // The same case decided in Node gives the same outputs and explanation.
    const module = moduleOf(PROEF);
    const caseJson = await page.inputValue("[data-testid=geval-json]");
    expect(module.evaluateJson(caseJson)).toEqual(got);
    expect(await page.locator("[data-testid=uitleg-tekst]").textContent()).toBe(module.explain(parseCaseText(caseJson) as Record<string, unknown>).text);
    const fysio = page.locator("[data-testid=uitleg-regel][data-regel=fysio]");
    expect(await fysio.getAttribute("data-artikel")).toBe("4.1, 4.2");
    expect(await fysio.innerText()).toMatch(/omdat aanvullend en leeftijd >= 18/);
    expect(await fysio.innerText()).toMatch(/leeftijd = 46/);
    await screenshot(page, "playground-beslissing");

    // A bad amount is named by its field, and decides nothing.
    await page.fill('[data-veld="behandelingen[1].kosten"]', "12,345");
    await page.waitForSelector("#beslissing[data-status=fout-in-geval]");
    expect(await page.locator("[data-testid=beslissing-fout]").getAttribute("data-veld")).toBe("behandelingen[1].kosten");

    // The voorbeelden run with pass/fail, the eigenschap with its shrunk counterexample.
    const broken = PROEF.replace("verwacht vergoeding_fysio € 45,50, vergoeding_overig € 20", "verwacht vergoeding_fysio € 45,50, vergoeding_overig € 21");
    await setEditorText(page, broken);
    await page.waitForSelector("[data-testid=voorbeeld][data-resultaat=mislukt]");
    await page.click("[data-testid=controleer]");
    await page.waitForSelector("#eigenschappen[data-status=klaar]");
    const results = await page.locator("[data-testid=voorbeeld]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-naam"), e.getAttribute("data-resultaat")]));
    expect(results).toEqual([
      ["volwassene met aanvullende verzekering", "mislukt"],
      ["kind zonder aanvullende verzekering", "geslaagd"],
    ]);
    expect(await page.locator("[data-testid=voorbeeld][data-resultaat=mislukt]").innerText()).toMatch(/€ 21/);
    const prop = page.locator("[data-testid=eigenschap]");
    expect(await prop.getAttribute("data-resultaat")).toBe("mislukt");
    // fast-check shrinks the counterexample to one treatment of minus one cent.
    const counter = JSON.parse(await prop.locator("[data-testid=tegenvoorbeeld]").innerText()) as { behandelingen: { kosten: string }[] };
    expect(counter.behandelingen).toHaveLength(1);
    expect(counter.behandelingen[0]!.kosten).toBe("-0.01");
    await prop.locator("[data-testid=tegenvoorbeeld]").scrollIntoViewIfNeeded();
    await screenshot(page, "playground-voorbeelden");
    await page.close();
  });

  it("shows a decision table's row that applied as a table (issue 18)", async () => {
    const source = fs.readFileSync(path.join(ROOT, "test/golden/run/tabel.polis"), "utf8");
    const geval = '{"zorg": "ziekenhuis", "medische_noodzaak": false, "uren": 5, "datum_zorg": "2012-12-31"}';
    const module = moduleOf(source);
    const page = await open(`${server.url}#bron=${b64url(source)}&geval=${b64url(geval)}`);
    await page.waitForSelector("#beslissing[data-status=beslist]");
    expect(await outputs(page)).toEqual(module.evaluateJson(geval));
    const table = page.locator("[data-testid=uitleg-regel][data-regel=opgenomen] [data-testid=uitleg-tabel]");
    expect(await table.getAttribute("data-rij")).toBe("3");
    expect(await table.locator("th").allInnerTexts()).toEqual(["zorg", "medische_noodzaak", "→ opgenomen"]);
    expect(await table.locator("td").allInnerTexts()).toEqual(["ziekenhuis", "nee", "nee"]);
    const byDefault = page.locator("[data-testid=uitleg-regel][data-regel=eigen_bijdrage] [data-testid=uitleg-tabel] td");
    expect(await byDefault.allInnerTexts()).toEqual(["anders", "eigen_bijdrage_per_uur * uren"]);
    await page.close();
  });

  it("proves with z3 in the browser: every output of a sound policy bewezen, a conflict only one exact amount and age trigger as tegenvoorbeeld (issue 18)", async () => {
    // The default example: every output is proved (as `polis check` proves it).
    const page = await open(server.url);
    expect(await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated)).toBe(true);
    // z3 (35 MB of WebAssembly) is loaded after the first paint: the page is usable before.
    await page.waitForSelector("#bewijs[data-status=klaar]", { timeout: 300_000 });
    expect(await page.locator("[data-testid=bewijs-oplosser]").getAttribute("data-oplosser")).toBe("z3");
    const statuses = () => page.locator("[data-testid=bewijs-uitvoer]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-uitvoer"), e.getAttribute("data-status")]));
    expect(await statuses()).toEqual(["verplicht", "vrijwillig", "totaal", "ten_laste_verzekerde", "vergoeding"].map((o) => [o, "bewezen"]));

    // In the same page: the conflict of test/proofs/precies.polis, which 200 sampled cases miss.
    await setEditorText(page, fs.readFileSync(path.join(ROOT, "test/proofs/precies.polis"), "utf8"));
    await page.waitForSelector("[data-testid=bewijs-uitvoer][data-status=tegenvoorbeeld]", { timeout: 120_000 });
    expect(await statuses()).toEqual([["vergoeding", "tegenvoorbeeld"]]);
    const item = page.locator("[data-testid=bewijs-uitvoer][data-uitvoer=vergoeding]");
    expect(await item.innerText()).toContain("regels `gewoon` (artikel 3.1) en `jubileum` (artikel 3.2) geven `vergoeding` verschillende waarden");
    expect(await item.locator("[data-testid=bewijs-voorbeeld]").innerText()).toBe('voorbeeld "conflict over vergoeding":\n  gegeven leeftijd 67, kosten € 1.234,57\n  verwacht fout "P0801"');
    await page.waitForSelector("[data-testid=diagnose][data-code=P0512]");
    // The tegenvoorbeeld, typed into the form, runs into the conflict.
    await page.fill("[data-veld=leeftijd]", "67");
    await page.fill("[data-veld=kosten]", "1.234,57");
    await page.waitForSelector("#beslissing[data-status=fout-in-geval] [data-testid=beslissing-fout][data-code=P0801]");
    await screenshot(page, "playground-bewijs");
    await page.close();
  });

  it("proves on static hosting too: its service worker makes the page cross-origin isolated after one reload (issue 18)", async () => {
    const precies = fs.readFileSync(path.join(ROOT, "test/proofs/precies.polis"), "utf8");
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${hosting.url}#bron=${b64url(precies)}`);
    await page.waitForSelector("[data-testid=bewijs-uitvoer][data-status=tegenvoorbeeld]", { timeout: 300_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated)).toBe(true);
    expect(loads).toBe(2);
    expect(await page.locator("[data-testid=bewijs-oplosser]").getAttribute("data-oplosser")).toBe("z3");
    // The share link survived the reload.
    expect(await page.locator("[data-testid=polis-titel]").innerText()).toContain("één bedrag en één leeftijd");
    await page.close();
  });

  it("opens a share link of a policy it has never seen and shows the decision without a click; bad links are reported", async () => {
    const module = moduleOf(PROEF);
    const expected = module.evaluateJson(CASE);
    const link = `${server.url}#bron=${b64url(PROEF)}&geval=${b64url(CASE)}`;
    const page = await open(link);
    await page.waitForSelector("#beslissing[data-status=beslist]");
    expect(await outputs(page)).toEqual(expected);
    expect(await page.locator("[data-testid=uitleg-tekst]").textContent()).toBe(module.explain(parseCaseText(CASE) as Record<string, unknown>).text);
    expect(await page.locator("[data-testid=polis-titel]").innerText()).toContain("“aanhalingstekens”");
    // The case is in the form: two rows for the list, the amount as written.
    expect(await page.locator(".lijst-rij").count()).toBe(2);
    expect(await page.inputValue('[data-veld="behandelingen[1].kosten"]')).toBe("12345678901234567,89");
    await screenshot(page, "playground-deellink");

    // The address bar is itself a share link of what is shown.
    const shown = new URL(await page.inputValue("[data-testid=deellink]")).hash;
    const part = (k: string) => Buffer.from(new RegExp(`${k}=([^&]*)`).exec(shown)![1]!, "base64url").toString("utf8");
    expect(part("bron")).toBe(PROEF);
    expect(module.evaluateJson(part("geval"))).toEqual(expected);

    // Pasting another link into the same tab: a bad case is named by its field…
    await page.evaluate((h) => (location.hash = h), `#bron=${b64url(PROEF)}&geval=${b64url('{"geboortedatum": "1980-02-30"}')}`);
    await page.waitForSelector("#beslissing[data-status=fout-in-geval]");
    const fout = page.locator("[data-testid=beslissing-fout]");
    expect(await fout.getAttribute("data-veld")).toBe("geboortedatum");
    expect(await fout.getAttribute("data-code")).toMatch(/^P07/);
    // …and a link that is not base64url says so.
    await page.evaluate(() => (location.hash = "#bron=%%%"));
    await page.waitForFunction(() => document.querySelector("#deellink-fout")?.textContent?.includes("geen leesbare polis"));
    await page.close();
  });

  it("works from disk (file://), on a phone-sized screen", async () => {
    const file = pathToFileURL(path.join(ROOT, "dist/playground/index.html")).href;
    const page = await open(`${file}#bron=${b64url(PROEF)}&geval=${b64url(CASE)}`, { width: 390, height: 844 });
    await page.waitForSelector("#beslissing[data-status=beslist]");
    expect((await outputs(page)).totaal).toBe("12345678901234567.79");
    // No z3 from disk: every output is tested, not proved, and the page says why.
    await page.waitForSelector("#bewijs[data-status=klaar]");
    expect(await page.locator("[data-testid=bewijs-oplosser]").getAttribute("data-oplosser")).toBe("geen");
    expect(await page.locator("[data-testid=bewijs-oplosser]").innerText()).toMatch(/Niet bewezen, alleen getest: de pagina is van schijf geopend \(file:\/\/\)/);
    const statuses = await page.locator("[data-testid=bewijs-uitvoer]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["getest"]));
    expect(await page.locator("[data-testid=bewijs-uitvoer]").first().innerText()).toMatch(/getest op \d+ gevallen, niet bewezen/);
    // Nothing wider than the screen but the editor's own scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "playground-telefoon");
    await page.close();
  });
});
