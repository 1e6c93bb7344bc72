// `polis build` writes source maps back to the .polis lines (issue 15 §1,
// cli/build-sourcemap.ts): the code of a rule, begrip, functie or voorwaarde
// in the built .js maps to the line that declares it, read with Node's own
// source map reader; the .polis file and the map travel in the package.

import fs from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt, polis as polisCli } from "./cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-sourcemap-"));
beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("polis build maps the built JavaScript to the .polis lines", { timeout: 300_000 }, () => {
  it("each declaration's code to the line that declares it", async () => {
    const src = path.join(tmp, "bron");
    fs.mkdirSync(path.join(src, "sub"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "test/spec/vgz-eigen-risico.polis"), path.join(src, "sub", "eigen-risico.polis"));
    const out = path.join(tmp, "uit");
    const built = await polisCli(["build", src, "--out", out, "--name", "kaart"]);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const js = fs.readFileSync(path.join(out, "sub/eigen-risico.js"), "utf8");
    expect(js.trimEnd().split("\n").pop()).toBe("//# sourceMappingURL=eigen-risico.js.map");
    const payload = JSON.parse(fs.readFileSync(path.join(out, "sub/eigen-risico.js.map"), "utf8")) as SourceMapPayload & { sourcesContent: string[] };
    const polis = fs.readFileSync(path.join(out, "sub/eigen-risico.polis"), "utf8");
    expect(payload.sources).toEqual(["eigen-risico.polis"]);
    expect(payload.sourcesContent).toEqual([polis]);
    const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(["**/*.js.map", "**/*.polis"]));

    const map = new SourceMap(payload);
    const jsLines = js.split("\n");
    const polisLines = polis.split("\n");
    /** The .polis line the first .js line containing `text` maps to. */
    const origin = (text: string): string | undefined => {
      const i = jsLines.findIndex((l) => l.includes(text));
      expect(i, text).toBeGreaterThanOrEqual(0);
      const entry = map.findEntry(i, 0) as { originalLine?: number };
      return entry.originalLine === undefined ? undefined : polisLines[entry.originalLine];
    };
    expect(origin("R.round(this.f_naar_rato(K0)")).toBe("regel verplicht_eigen_risico (artikel 7.1, 7.4):");
    expect(origin("K2.includes(this.i_zorgsoort)")).toBe("regel toerekening (artikel 7.2):");
    expect(origin("S.ageOn(")).toMatch(/^begrip leeftijd: aantal/);
    expect(origin("S.daysInYear(")).toMatch(/^functie naar_rato/);
    expect(origin('R.voorwaardeError("polis_eind >= polis_start"')).toBe("voorwaarde polis_eind >= polis_start");
    // Every mapped line lands on a declaration, never in the middle of nowhere.
    for (let i = 0; i < jsLines.length; i++) {
      const entry = map.findEntry(i, 0) as { originalLine?: number; generatedLine?: number };
      if (entry.originalLine === undefined || entry.generatedLine !== i) continue;
      expect(polisLines[entry.originalLine], `js line ${i + 1}`).toMatch(/^(regel|begrip|functie|voorwaarde|parameter|  \w+: )/);
    }
  });
});
