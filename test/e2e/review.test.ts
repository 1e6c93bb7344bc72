// Regressions from an independent review: every user error is a diagnostic
// with its own exit code, never a stack trace.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { formatSource } from "../../compiler/format/format.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const POLICY = path.join(ROOT, "test/e2e/fixtures/datum-rekenen.polis");

function run(caseJson: object) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-review-"));
  const file = path.join(dir, "case.json");
  fs.writeFileSync(file, JSON.stringify(caseJson));
  return spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "run", POLICY, "--input", file], { encoding: "utf8" });
}

describe("extreme date arithmetic", () => {
  // A count no date span needs is an error about the duration (P0811, issue 12
  // finding 9); one that fits but lands outside the years 1–9999, about the date.
  for (const [n, code] of [["100000000000000000000", "P0811"], ["1000000000000000", "P0811"], ["3000000", "P0810"], ["-800000", "P0810"]] as const) {
    it(`d + ${n} dagen is an evaluation error naming the rule`, () => {
      const r = run({ n, d: "2012-01-01", k: "1" });
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).fout.code).toBe(code);
      expect(r.stderr).toContain("regel `re` (artikel 4)");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
  it("a fractional duration names the value once, in Dutch notation", () => {
    const r = run({ n: "2.5", d: "2012-01-01", k: "1" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).fout.bericht).toBe("een duur moet een geheel getal zijn, maar is 2,5 in regel `re` (artikel 4)");
  });
});

describe("a voorbeeld reads its amounts exactly", () => {
  it("€ 1,001 is rejected like the case file value \"1.001\"", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "test", POLICY], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("P0710");
  });
});

describe("deeply nested input", () => {
  const text = `polis x "x"\ninvoer\n  a: getal\nuitvoer\n  y: getal\nregel r (artikel 1):\n  y ${"(".repeat(3000)}a${")".repeat(3000)}\n`;
  it("is a diagnostic, not a crash, in check and fmt", () => {
    expect(compile(text, "x.polis").diagnostics.map((d) => d.code)).toEqual(["P0204"]);
    expect(formatSource(text, "x.polis").diagnostics.map((d) => d.code)).toEqual(["P0204"]);
  });
});
