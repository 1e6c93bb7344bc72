// Evaluation is bounded (issue 12, findings 3 and 13): a policy whose
// functions each call the previous one twice is decided in linear time
// (functions that call functions are memoised per case), what memoisation
// cannot shrink stops with P0812 naming the function, and a 10.001-step chain
// of begrippen is decided without a 10.001-deep stack, keeping the lazy
// semantics of LANGUAGE.md §6 (a begrip nothing needs may fail unnoticed).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { PolisError } from "../../runtime/diagnostic.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function module(source: string) {
  const r = compile(source, "bounded.polis");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return load(r.policy!);
}

function errorOf(f: () => unknown): PolisError {
  try {
    f();
  } catch (e) {
    if (e instanceof PolisError) return e;
    throw e;
  }
  throw new Error("no error");
}

/** Functions f0 … f{n}, each calling the previous one twice: 2^n calls without memoisation. */
function doubling(n: number, args: (i: number) => [string, string]): string {
  const lines = ['polis verdubbeling "Elke functie roept de vorige twee keer aan"', "", "invoer", "  x: getal", "", "uitvoer", "  y: getal", ""];
  lines.push("functie f0(a: getal): getal = a + 1");
  for (let i = 1; i <= n; i++) {
    const [l, r] = args(i);
    lines.push(`functie f${i}(a: getal): getal = f${i - 1}(${l}) + f${i - 1}(${r})`);
  }
  lines.push("", "regel r (artikel 1):", `  y f${n}(x)`, "");
  lines.push("voorbeeld \"een\":", "  gegeven x 1", `  verwacht y ${(2n ** BigInt(n) * 2n).toString()}`, "");
  return lines.join("\n");
}

describe("functions calling functions", () => {
  const source = doubling(60, () => ["a", "a"]);

  it("a 60-deep doubling chain is decided (2^60 calls without memoisation)", () => {
    expect(source.split("\n").length).toBeLessThan(80);
    const m = module(source);
    expect(m.evaluate({ x: "1" })).toEqual({ y: (2n ** 60n * 2n).toString() });
    expect(m.explain({ x: "3" }).text).toContain(`y = ${(2n ** 60n * 4n).toLocaleString("nl-NL")}`);
  });

  it("`polis check` and `polis run` finish on it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-bounded-"));
    try {
      const file = path.join(dir, "verdubbeling.polis");
      fs.writeFileSync(file, source);
      fs.writeFileSync(path.join(dir, "case.json"), '{"x": 1}');
      const check = spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "check", file], { encoding: "utf8", timeout: 60_000 });
      expect(check.status, check.stderr).toBe(0);
      const run = spawnSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "run", file, "--input", path.join(dir, "case.json")], { encoding: "utf8", timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ y: (2n ** 60n * 2n).toString() });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("calls that are all different stop with P0812 naming the function", () => {
    const m = module(doubling(40, () => ["2 * a", "2 * a + 1"]));
    const e = errorOf(() => m.evaluate({ x: "1" }));
    expect(e.diagnostic.code).toBe("P0812");
    expect(e.diagnostic.message).toMatch(/^de berekening van functie `f\d+` is te groot: meer dan 100\.000 aanroepen/);
  });
});

/** Begrippen b0 … b{n-1}, each reading the one before; y reads the last. */
function chain(n: number, step: (i: number) => string, first: string): string {
  const lines = ['polis keten "Een lange keten van begrippen"', "", "invoer", "  x: getal", "", "uitvoer", "  y: getal", ""];
  lines.push(`begrip b0: getal = ${first}`);
  for (let i = 1; i < n; i++) lines.push(`begrip b${i}: getal = ${step(i)}`);
  lines.push("", "regel r (artikel 1):", `  y b${n - 1}`, "");
  return lines.join("\n");
}

describe("a 10.001-step chain of begrippen", () => {
  // b0 fails for x = 0 and x = 1; the chain reads it unless x = 1.
  const m = module(chain(10_001, (i) => `indien x <> 1 dan b${i - 1} + 1 anders 0`, "1 / (x * (x - 1))"));

  it("is decided, and explained", () => {
    expect(m.evaluate({ x: "2" })).toEqual({ y: "10000.5" });
    expect(m.explain({ x: "-1" }).text).toContain("y = 10.000,5");
  });

  it("reports the failure where it happens, not an internal error", () => {
    const e = errorOf(() => m.evaluate({ x: "0" }));
    expect(e.diagnostic.code).toBe("P0803");
    expect(e.diagnostic.message).toBe("deling door nul in begrip `b0`");
  });

  it("stays lazy: a begrip nothing needs may fail", () => {
    expect(m.evaluate({ x: "1" })).toEqual({ y: "0" });
  });
});
