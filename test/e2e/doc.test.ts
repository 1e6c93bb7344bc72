// `polis doc` as a command: exit codes and messages (the pages themselves are
// checked in a browser by test/browser/doc.test.ts).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, polis } from "./cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-doc-cli-"));
beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("polis doc", () => {
  it("is bad usage (exit 2) without a folder or without --out", async () => {
    const missing = await polis(["doc", path.join(tmp, "bestaat-niet"), "--out", path.join(tmp, "s1")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/is geen map met polis-bestanden/);
    const noOut = await polis(["doc", "examples"]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });

  it("still writes the site when a policy has errors, shows them on its page, and exits 1", async () => {
    const dir = path.join(tmp, "polissen");
    fs.mkdirSync(dir);
    fs.copyFileSync("examples/vgz-eigen-risico.polis", path.join(dir, "goed.polis"));
    fs.writeFileSync(path.join(dir, "kapot.polis"), 'polis kapot "Kapot"\n\ninvoer\n  x: aantl\n');
    const out = path.join(tmp, "site");
    const r = await polis(["doc", dir, "--out", out, "--playground", "https://speelplaats.example/"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("(2 polissen, 0 wijzigingen)");
    expect(r.stderr).toMatch(/kapot\.polis:4:6: fout P0303: onbekend type `aantl`/);
    expect(fs.readFileSync(path.join(out, "kapot.html"), "utf8")).toContain("onbekend type `aantl`");
    // --playground links to a hosted playground, and then none is copied.
    expect(fs.readFileSync(path.join(out, "goed.html"), "utf8")).toContain('href="https://speelplaats.example/#bron=');
    expect(fs.existsSync(path.join(out, "playground"))).toBe(false);
  });
});
