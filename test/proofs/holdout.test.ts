// Hold-out policies for the proofs (issue 18), written against the reference
// and judged by hand first: conflicts and gaps on one exact boundary (an
// inclusive `tussen`, rounding inside a condition, a remainder), chains of
// exceptions, optional inputs; diffs that are equal in another formulation,
// that differ at one point only, and versions that stop with a conflict.
// Every solver-found voorbeeld is pasted into its policy and must pass there.

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { runExamples } from "../../compiler/cases/examples.js";
import { proveCheck } from "../../compiler/proofs/check.js";
import { proveEquivalence } from "../../compiler/proofs/diff.js";
import { releaseSolver } from "../../compiler/proofs/z3.js";
import { paramsOf } from "../../runtime/messages.js";

const DIR = path.resolve(import.meta.dirname, "holdout");

function compiled(name: string, extra = "") {
  const file = path.join(DIR, name);
  const source = fs.readFileSync(file, "utf8") + extra;
  const r = compile(source, name);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { source, policy: r.policy!, module: load(r.policy!) };
}

async function check(name: string) {
  const { source, policy, module } = compiled(name);
  return proveCheck(policy, module, { source });
}

/** The voorbeelden of P0512/P0513, each pasted into the policy: they must pass (the case really fails as shown). */
function expectReproduced(name: string, examples: string[]) {
  expect(examples.length).toBeGreaterThan(0);
  const { policy, module } = compiled(name, `\n${examples.join("\n\n")}\n`);
  const results = runExamples(policy, module);
  expect(results.map((r) => [r.name, r.passed])).toEqual(results.map((r) => [r.name, true]));
  expect(results.length).toBe(examples.length);
}

function examplesOf(r: Awaited<ReturnType<typeof check>>, code: "P0512" | "P0513"): string[] {
  return r.diagnostics.filter((d) => d.code === code).map((d, i) => paramsOf(d, code)!.example.replace(/^voorbeeld "([^"]*)"/, `voorbeeld "$1 ${i + 1}"`));
}

const side = (name: string) => {
  const { policy, module } = compiled(name);
  return { policy, module };
};

afterAll(releaseSolver);

describe("check: one exact boundary", () => {
  it("`tussen 18 en 65` and `>= 65` conflict at 65 only", async () => {
    const r = await check("tussen-65.polis");
    expect(r.outputs).toEqual([{ output: "premie", status: "tegenvoorbeeld" }]);
    const ex = examplesOf(r, "P0512");
    expect(ex).toEqual(['voorbeeld "conflict over premie 1":\n  gegeven leeftijd 65\n  verwacht fout "P0801"']);
    expectReproduced("tussen-65.polis", ex);
  });

  it("rounding inside a condition: 15 % of € 83,33 rounds to € 12, so only € 83,33 conflicts", async () => {
    const r = await check("afronden-83.polis");
    const ex = examplesOf(r, "P0512");
    expect(ex).toEqual(['voorbeeld "conflict over korting 1":\n  gegeven kosten € 83,33\n  verwacht fout "P0801"']);
    expectReproduced("afronden-83.polis", ex);
  });

  it("a remainder of 2 after division by 3 has no rule", async () => {
    const r = await check("rest-gat.polis");
    expect(r.outputs).toEqual([{ output: "rest", status: "tegenvoorbeeld" }]);
    const ex = examplesOf(r, "P0513");
    const n = Number(/gegeven sessies (\d+)/.exec(ex[0]!)![1]);
    expect(n % 3).toBe(2);
    expectReproduced("rest-gat.polis", ex);
  });

  it("an optional date equal to the end date has no rule", async () => {
    const r = await check("optioneel-gat.polis");
    const ex = examplesOf(r, "P0513");
    const m = /gegeven polis_eind (.+), overlijden (.+)\n/.exec(ex[0]!)!;
    expect(m[1]).toBe(m[2]);
    expectReproduced("optioneel-gat.polis", ex);
  });
});

describe("check: a record, a period and a text", () => {
  it("the gap of `ic` (afdeling \"ic\") is shown with a case where the conflict of an earlier output does not come first", async () => {
    const r = await check("opname-ic.polis");
    expect(r.outputs).toEqual([{ output: "vergoed_dagen", status: "tegenvoorbeeld" }, { output: "ic", status: "tegenvoorbeeld" }]);
    const gap = examplesOf(r, "P0513");
    expect(gap[0]).toMatch(/afdeling "ic"\}/);
    // 45 days in hospital, 31 of them insured: 30 (artikel 1) against 31 (artikel 2).
    const conflict = examplesOf(r, "P0512");
    expectReproduced("opname-ic.polis", [...conflict, ...gap]);
  });
});

describe("check: a case the solver finds that does not fail when run", () => {
  it("x = 1/3 cannot be written in a case file: tested, not proved, and the reason says why", async () => {
    const r = await check("een-derde.polis");
    expect(r.outputs).toMatchObject([{ output: "v", status: "getest" }]);
    expect(r.outputs[0]!.reason).toBe("een gevonden geval gaf bij het narekenen een uitkomst in plaats van een conflict over `v`");
  });

  it("an optional input read without `is bekend`: the found case stops with P0715, so the output is tested", async () => {
    const r = await check("optioneel-onbewaakt.polis");
    expect(r.outputs).toMatchObject([{ output: "x", status: "getest" }]);
    expect(r.outputs[0]!.reason).toMatch(/narekenen fout P0715 in plaats van een conflict/);
  });
});

describe("check: exceptions", () => {
  it("an exception that applies still conflicts with a third rule, and so does the rule it replaces where it does not apply", async () => {
    const r = await check("uitzonderingen.polis");
    const pairs = r.diagnostics.filter((d) => d.code === "P0512").map((d) => { const p = paramsOf(d, "P0512")!; return `${p.a}/${p.b}`; }).sort();
    expect(pairs).toEqual(["chronisch_vrij/oudere", "gewoon/oudere"]);
    expectReproduced("uitzonderingen.polis", examplesOf(r, "P0512"));
  });
});

describe("check: month steps in parentheses", () => {
  it("are not ambiguous (no P0515), and both steps of `(d + 1 maand) + 1 maand` can clamp (P0514)", async () => {
    const r = await check("twee-maanden.polis");
    expect(r.diagnostics.filter((d) => d.code === "P0515")).toEqual([]);
    const exprs = r.diagnostics.filter((d) => d.code === "P0514").map((d) => paramsOf(d, "P0514")!.expr).sort();
    expect(exprs).toEqual(["(aanvraag + 1 maand)", "(aanvraag + 1 maand) + 1 maand"]);
  });
});

describe("diff: versions that stop with a conflict", () => {
  it("an old version that conflicts above € 200 is not proved equal to one that gives € 10", async () => {
    const r = await proveEquivalence(side("conflict-oud.polis"), side("conflict-nieuw.polis"));
    const [o] = r.outputs;
    expect(o!.status).toBe("verschilt");
    expect(o!.witnesses[0]).toEqual({ input: { kosten: "200.01" }, old: "fout P0801", new: "€ 10" });
    for (const w of o!.witnesses) expect(Number(w.input.kosten)).toBeGreaterThan(200);
  });

  it("an output that reads a conflicting output is not proved equal", async () => {
    const r = await proveEquivalence(side("leest-conflict-oud.polis"), side("leest-conflict-nieuw.polis"));
    const vergoeding = r.outputs.find((o) => o.output === "vergoeding")!;
    expect(vergoeding.status).not.toBe("gelijk");
    expect(vergoeding.complete).toBe(false);
  });
});

describe("diff: formulations", () => {
  it("`kosten * 75%` equals `kosten * 3 / 4 afgerond op centen` with the condition turned around", async () => {
    const r = await proveEquivalence(side("bedrag-oud.polis"), side("bedrag-nieuw.polis"));
    expect(r.outputs).toEqual([{ output: "vergoeding", status: "gelijk", witnesses: [], complete: true }]);
  });

  it("`> € 100` and `>= € 100` differ at € 100,00 only", async () => {
    const r = await proveEquivalence(side("bedrag-oud.polis"), side("bedrag-grens.polis"));
    expect(r.outputs).toEqual([{ output: "vergoeding", status: "verschilt", complete: true, witnesses: [{ input: { kosten: "100.00" }, old: "€ 0", new: "€ 75" }] }]);
  });

  it("a soort set equals its complement; `> 1,5` and `>= 1,5` differ at 1,5 only", async () => {
    const r = await proveEquivalence(side("soort-oud.polis"), side("soort-nieuw.polis"));
    expect(r.outputs.find((o) => o.output === "vergoed")).toEqual({ output: "vergoed", status: "gelijk", witnesses: [], complete: true });
    const hoog = r.outputs.find((o) => o.output === "hoog")!;
    expect([hoog.status, hoog.complete, hoog.witnesses.map((w) => [w.input.factor, w.old, w.new])]).toEqual(["verschilt", true, [["1.5", "nee", "ja"]]]);
  });
});
