// polis diff (issue #5): a policy against itself reports nothing; two
// formulations of one rule report no semantic difference; a moved threshold
// is found for certain; every witness really differs when re-evaluated.

import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { structuralDiff } from "../../compiler/diff/structural.js";
import { semanticDiff } from "../../compiler/diff/semantic.js";
import { polisFilesIn } from "../../cli/io.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const here = (f: string) => path.join(ROOT, "test/diff", f);

function side(file: string) {
  const r = compile(fs.readFileSync(file, "utf8"), path.relative(ROOT, file));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { program: r.program!, policy: r.policy!, module: load(r.policy!) };
}

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

describe("a policy diffed with itself", () => {
  const files = [...polisFiles(path.join(ROOT, "test/spec")), ...polisFiles(path.join(ROOT, "policies"))];
  for (const f of files) {
    it(`reports nothing: ${path.relative(ROOT, f)}`, () => {
      const a = side(f);
      const b = side(f);
      expect(structuralDiff(a.program, b.program)).toEqual([]);
      const s = semanticDiff(a, b, { samples: 300 });
      expect(s.witnesses).toEqual([]);
      expect(Object.values(s.differs).every((x) => x === 0)).toBe(true);
    });
  }
});

describe("two formulations of the same rule", () => {
  it("differ in text but not in any decision", () => {
    const a = side(here("anders-oud.polis"));
    const b = side(here("anders-nieuw.polis"));
    const structural = structuralDiff(a.program, b.program);
    expect(structural.map((c) => `${c.kind} ${c.what} ${c.name}`)).toEqual(["gewijzigd regel eigen_risico"]);
    const s = semanticDiff(a, b, { samples: 3000 });
    expect(s.searched).toBeGreaterThan(2000);
    expect(s.differs).toEqual({ eigen_risico: 0 });
    expect(s.witnesses).toEqual([]);
  });
});

describe("a threshold moved from 56 to 35 days", () => {
  const a = side(here("threshold-oud.polis"));
  const b = side(here("threshold-nieuw.polis"));

  it("is reported structurally as `> 56 → > 35` with its article", () => {
    const changes = structuralDiff(a.program, b.program);
    const rule = changes.find((c) => c.what === "regel" && c.name === "termijn");
    expect(rule).toMatchObject({ kind: "gewijzigd", articles: ["4.2"], details: ["> 56 → > 35"] });
  });

  it("is found semantically, with witnesses that really differ", () => {
    const s = semanticDiff(a, b, { samples: 2000, witnesses: 5 });
    expect(s.differs.te_laat).toBeGreaterThan(0);
    expect(s.witnesses.length).toBeGreaterThan(0);
    for (const w of s.witnesses) {
      // Re-evaluate the witness (a case file) on both versions.
      const oldOut = a.module.evaluate(w.input);
      const newOut = b.module.evaluate(w.input);
      expect(oldOut).not.toEqual(newOut);
      expect(w.old).toEqual({ outputs: oldOut });
      expect(w.new).toEqual({ outputs: newOut });
      // Shrunk to the boundary: waiting 36 to 56 days is late only under the new rule.
      const days = (Date.parse(String(w.input.besluit)) - Date.parse(String(w.input.aanvraag))) / 86_400_000;
      expect(days).toBeGreaterThan(35);
      expect(days).toBeLessThanOrEqual(56);
    }
  });

  it("prints the JSON format of LANGUAGE.md §11 from the CLI", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "bin/polis.js"), "diff", here("threshold-oud.polis"), here("threshold-nieuw.polis"), "--format", "json", "--samples", "500"], { encoding: "utf8" });
    const json = JSON.parse(out);
    expect(Array.isArray(json.structural)).toBe(true);
    expect(json.semantic.searched).toBeGreaterThan(0);
    expect(json.semantic.differs.te_laat).toBeGreaterThan(0);
    expect(json.semantic.witnesses[0]).toHaveProperty("input");
    expect(json.semantic.witnesses[0]).toHaveProperty("old");
    expect(json.semantic.witnesses[0]).toHaveProperty("new");
  });
});

describe("one witness per group of cases that changes for the same reason (issue 16)", () => {
  // 2012 → 2013: the verplicht eigen risico rises and starts at 16 instead of
  // 18, and the ceiling on reimbursed costs rises (leeftijd-*.polis).
  const a = side(here("leeftijd-oud.polis"));
  const b = side(here("leeftijd-nieuw.polis"));
  const s = semanticDiff(a, b, { samples: 2000 });
  const names = (w: (typeof s.witnesses)[number]) => w.shown.map((x) => x.name);
  const wants = (w: (typeof s.witnesses)[number]) => w.because.map((x) => x.name);
  const age = (w: (typeof s.witnesses)[number]) => Number(w.input.leeftijd);

  it("shows the 16- and 17-year-olds beside the adults, though both pay more verplicht eigen risico", () => {
    const verplicht = s.witnesses.filter((w) => w.outputs.includes("verplicht"));
    const young = verplicht.filter((w) => "outputs" in w.old && w.old.outputs.verplicht === "0.00");
    const adults = verplicht.filter((w) => "outputs" in w.old && w.old.outputs.verplicht === "220.00");
    expect(young.length).toBeGreaterThan(0);
    expect(adults.length).toBeGreaterThan(0);
    for (const w of young) expect([16, 17]).toContain(age(w));
    for (const w of adults) expect(age(w)).toBeGreaterThanOrEqual(18);
    // the groups differ in the clause that decides verplicht in the old version
    expect(new Set(verplicht.map((w) => w.rules.find((r) => r.output === "verplicht")!.old.join()))).toHaveProperty("size", 2);
  });

  it("shows the group whose only change is the ceiling, and no case twice for one reason", () => {
    expect(s.witnesses.some((w) => w.outputs.join() === "terug_te_vragen")).toBe(true);
    expect(new Set(s.witnesses.map((w) => w.reason)).size).toBe(s.witnesses.length);
    // every witness really is in its group, and really differs
    for (const w of s.witnesses) expect(a.module.evaluate(w.input)).not.toEqual(b.module.evaluate(w.input));
  });

  it("shows only the inputs and parameters that made the difference", () => {
    const adult = s.witnesses.find((w) => w.outputs.join() === "verplicht,totaal" && age(w) >= 18)!;
    expect(names(adult)).toEqual(["leeftijd", "vrijwillig"]);
    expect(wants(adult)).toEqual(["verplicht_per_jaar"]);
    const ceiling = s.witnesses.find((w) => w.outputs.join() === "terug_te_vragen")!;
    expect(names(ceiling)).toEqual(["kosten"]);
    expect(ceiling.because).toEqual([{ name: "plafond", old: "€ 1.000", new: "€ 1.200" }]);
    const young = s.witnesses.find((w) => [16, 17].includes(age(w)))!;
    expect(wants(young)).not.toContain("plafond");
    expect(names(young)).toContain("leeftijd");
  });

  it("moves a witness toward a typical case (an adult of 40, round amounts)", () => {
    const adult = s.witnesses.find((w) => w.outputs.includes("verplicht") && age(w) >= 18)!;
    expect(age(adult)).toBe(40);
    const ceiling = s.witnesses.find((w) => w.outputs.join() === "terug_te_vragen")!;
    expect(ceiling.input.kosten).toBe("1500.00");
  });
});
