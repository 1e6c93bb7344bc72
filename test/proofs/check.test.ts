// Proofs in `polis check` (issue 18): a conflict that needs one exact amount
// and one exact age is missed by sampling and found by the solver; a gap of
// one day is found; an output the encoding cannot reach is labelled
// "getest op N gevallen", never "bewezen".

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { findConflicts } from "../../compiler/cases/conflicts.js";
import { proveCheck } from "../../compiler/proofs/check.js";
import { releaseSolver } from "../../compiler/proofs/z3.js";
import { paramsOf } from "../../runtime/messages.js";
import { LIST_BOUND } from "../../compiler/proofs/lists.js";
import { proofLines } from "../../cli/check.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function compiled(file: string) {
  const r = compile(fs.readFileSync(path.join(ROOT, file), "utf8"), file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { policy: r.policy!, module: load(r.policy!) };
}

afterAll(releaseSolver);

describe("a conflict on one exact amount and one exact age", () => {
  const { policy, module } = compiled("test/proofs/precies.polis");

  it("is missed by the sampled check", () => {
    expect(findConflicts(policy, module)).toEqual([]);
  });

  it("is found by the proof, with a voorbeeld that really conflicts", async () => {
    const r = await proveCheck(policy, module);
    expect(r.outputs).toEqual([{ output: "vergoeding", status: "tegenvoorbeeld" }]);
    const [d, ...rest] = r.diagnostics.filter((x) => x.code === "P0512");
    expect(rest).toEqual([]);
    const p = paramsOf(d!, "P0512")!;
    expect([p.a, p.artA, p.b, p.artB]).toEqual(["gewoon", "artikel 3.1", "jubileum", "artikel 3.2"]);
    expect(p.example).toBe('voorbeeld "conflict over vergoeding":\n  gegeven leeftijd 67, kosten € 1.234,57\n  verwacht fout "P0801"');
    // Pasted into the policy, the voorbeeld passes: the case runs into exactly this conflict.
    const withExample = compile(`${fs.readFileSync(path.join(ROOT, "test/proofs/precies.polis"), "utf8")}\n${p.example}\n`, "precies.polis");
    expect(withExample.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(() => load(withExample.policy!).evaluate({ leeftijd: 67, kosten: "1234.57" })).toThrow(/verschillende waarden/);
  });
});

describe("a conflict on one exact amount and one exact age in one element of a list", () => {
  const file = "test/proofs/lijst.polis";
  const { policy, module } = compiled(file);

  it("is missed by the sampled check", () => {
    expect(findConflicts(policy, module)).toEqual([]);
  });

  it("is found by the proof with lists up to the bound; an output without a problem is proved up to the bound only", async () => {
    const r = await proveCheck(policy, module, { queryTimeoutMs: null });
    expect(r.outputs.find((o) => o.output === "vergoeding")).toEqual({ output: "vergoeding", status: "tegenvoorbeeld" });
    const counted = r.outputs.find((o) => o.output === "aantal_declaraties")!;
    // Never plain "bewezen": the bound is named, and longer lists were tested.
    expect(counted.status).toBe("begrensd");
    expect(counted.bound).toBe(LIST_BOUND);
    expect(counted.cases).toBeGreaterThan(100);
    expect(proofLines(r.outputs)).toEqual([
      `  bewezen voor lijsten tot ${LIST_BOUND} elementen, daarboven getest op ${counted.cases} gevallen: aantal_declaraties`,
      "  tegenvoorbeeld gevonden: vergoeding",
    ]);
    const [d, ...rest] = r.diagnostics.filter((x) => x.code === "P0512");
    expect(rest).toEqual([]);
    const p = paramsOf(d!, "P0512")!;
    expect([p.a, p.b]).toEqual(["gewoon", "jubileum"]);
    expect(p.example).toMatch(/\{leeftijd 67, kosten € 1\.234,57\}/);
    // Pasted into the policy, the voorbeeld passes: the case runs into exactly this conflict.
    const withExample = compile(`${fs.readFileSync(path.join(ROOT, file), "utf8")}\n${p.example}\n`, "lijst.polis");
    expect(withExample.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(() => load(withExample.policy!).evaluate({ declaraties: [{ leeftijd: 67, kosten: "1234.57" }] })).toThrow(/verschillende waarden/);
  });
});

describe("a conflict the solver finds in a list", () => {
  it("is shown shrunk: the one element that conflicts, each value as small as the conflict allows", async () => {
    const file = "test/proofs/lijst-krimp.polis";
    const { policy, module } = compiled(file);
    const r = await proveCheck(policy, module, { queryTimeoutMs: null });
    const [d, ...rest] = r.diagnostics.filter((x) => x.code === "P0512");
    expect(rest).toEqual([]);
    const p = paramsOf(d!, "P0512")!;
    // Age at least 67, costs above € 1000, a date from 1 July 2024: the smallest of each, in one element.
    expect(p.example).toBe('voorbeeld "conflict over vergoeding":\n  gegeven declaraties [{leeftijd 67, kosten € 1.000,01, datum 1 juli 2024}]\n  verwacht fout "P0801"');
    // The message names the values of that case, not of the case the solver found first.
    expect(d!.message).toContain("€ 1.000,01 en € 1.000");
    const withExample = compile(`${fs.readFileSync(path.join(ROOT, file), "utf8")}\n${p.example}\n`, file);
    expect(withExample.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(() => load(withExample.policy!).evaluate({ declaraties: [{ leeftijd: 67, kosten: "1000.01", datum: "2024-07-01" }] })).toThrow(/verschillende waarden/);
  });
});

describe("an output without standaard", () => {
  it("has its one-day gap found (56 days is neither early nor late)", async () => {
    const { policy, module } = compiled("test/proofs/gat.polis");
    const r = await proveCheck(policy, module);
    expect(r.outputs).toEqual([{ output: "te_laat", status: "tegenvoorbeeld" }]);
    const p = paramsOf(r.diagnostics.find((x) => x.code === "P0513")!, "P0513")!;
    expect(p.example).toMatch(/verwacht fout "P0802"$/);
  });

  it("is proved when the rules cover every case", async () => {
    const { policy, module } = compiled("examples/vgz-eigen-risico.polis");
    const r = await proveCheck(policy, module);
    expect(r.outputs.map((o) => o.status)).toEqual(policy.outputs.map(() => "bewezen"));
    expect(r.diagnostics).toEqual([]);
    expect(r.queries).toBeGreaterThan(0);
  });
});

describe("a construct the encoding does not reach", () => {
  it("is tested on generated cases and says so, per output", async () => {
    const { policy, module } = compiled("test/proofs/werkdagen.polis");
    const r = await proveCheck(policy, module);
    const tijdig = r.outputs.find((o) => o.output === "tijdig")!;
    expect(tijdig.status).toBe("getest");
    expect(tijdig.reason).toMatch(/werkdagen_tussen/);
    expect(tijdig.cases).toBeGreaterThan(100);
    expect(r.outputs.find((o) => o.output === "vergoeding")).toEqual({ output: "vergoeding", status: "bewezen" });
  });
});

describe("month and year arithmetic on month ends", () => {
  const file = "test/proofs/maandeinde.polis";
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const lineOf = (text: string) => source.split("\n").findIndex((l) => l.includes(text)) + 1;

  it("warns where a day that does not exist is clamped, with the case, the clamped date and the article; `# polis: afkappen` silences it", async () => {
    const { policy, module } = compiled(file);
    // No query time limit: a loaded machine must not turn a warning into "no answer".
    const r = await proveCheck(policy, module, { source, queryTimeoutMs: null });
    const clamps = r.diagnostics.filter((d) => d.code === "P0514").map((d) => ({ line: d.span!.line, ...paramsOf(d, "P0514")! }));
    // Line of `aanvraag + 1 maand` (artikel 6.1); not the line under `# polis: afkappen` (6.2).
    const termijn = clamps.find((c) => c.line === lineOf("aanvraag + 1 maand dan"))!;
    expect(termijn.article).toBe("artikel 6.1");
    expect(termijn.step).toBe("plus 1 maand");
    // The case really is a month end that is clamped (whichever the solver
    // picks: 31 januari → 29 februari, 31 oktober → 30 november, …): a day
    // the next month lacks becomes that month's last day.
    const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    const [, day, month] = /^(29|30|31) (\p{L}+) 2024$/u.exec(termijn.date)!;
    const [, rDay, rMonth] = /^(\d+) (\p{L}+) 2024$/u.exec(termijn.result)!;
    const next = MONTHS.indexOf(month!) + 1;
    expect(MONTHS.indexOf(rMonth!)).toBe(next);
    expect(Number(rDay)).toBeLessThan(Number(day));
    expect(Number(rDay)).toBe(new Date(Date.UTC(2024, next + 1, 0)).getUTCDate());
    expect(termijn.example).toMatch(new RegExp(`^gegeven aanvraag ${day} ${month} 2024, besluit `));
    expect(clamps.some((c) => c.line === lineOf("aanvraag + 2 maanden"))).toBe(false);
    // A month step on a branch that no clamping case takes is not reported.
    expect(clamps.some((c) => c.line === lineOf("dan controle aanvraag + 3 maanden"))).toBe(false);
    // `aanvraag + 1 jaar` lands on 29 februari only from 29 februari 2024.
    const jaar = clamps.find((c) => c.expr === "aanvraag + 1 jaar")!;
    expect([jaar.date, jaar.step, jaar.result, jaar.article]).toEqual(["29 februari 2024", "plus 1 jaar", "28 februari 2025", "artikel 6.3"]);
  });

  it("flags `d + 1 jaar + 1 maand` statically, but not with parentheses", async () => {
    const { policy, module } = compiled(file);
    const r = await proveCheck(policy, module, { source, queryTimeoutMs: null });
    const amb = r.diagnostics.filter((d) => d.code === "P0515").map((d) => paramsOf(d, "P0515")!);
    expect(amb).toEqual([{ expr: "aanvraag + 1 jaar + 1 maand", left: "(aanvraag + 1 jaar) + 1 maand", right: "aanvraag + (1 jaar + 1 maand)" }]);
    const fixed = source.replace("aanvraag + 1 jaar + 1 maand", "aanvraag + (1 jaar + 1 maand)");
    const c = compile(fixed, file);
    const again = await proveCheck(c.policy!, load(c.policy!), { source: fixed, queryTimeoutMs: null });
    expect(again.diagnostics.filter((d) => d.code === "P0515")).toEqual([]);
  });
});
