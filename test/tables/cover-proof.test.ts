// Overlaps and gaps of `uniek` tables whose columns are begrippen or read by
// a voorwaarde (issue 18): the compiler alone reports nothing for them (a
// domain value need not be a valid case), `polis check`'s solver confirms
// or rules them out, and without the solver they are a warning, not an error.
// The golden files test/golden/check/tables/{good,bad}/ show the messages.

import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load } from "../../compiler/emit/load.js";
import { proveCheck } from "../../compiler/proofs/check.js";
import { releaseSolver } from "../../compiler/proofs/z3.js";

const HEAD = 'polis t "Tabel"\n\ninvoer\n  begin: aantal tot en met 100\n  eind: aantal tot en met 100\n\n';
const TABLE = "uitvoer\n  lang: janee\n\ntabel looptijd (artikel 4) uniek:\n  | begin | eind || lang |\n  | tot 50 | - || nee |\n  | vanaf 50 | vanaf 50 || ja |\n";
const VALID = `${HEAD}voorwaarde eind >= begin\n\n${TABLE}`;
const PLAIN = `${HEAD}${TABLE}`;

function compiled(source: string) {
  const r = compile(source, "t.polis");
  return { codes: r.diagnostics.map((d) => `${d.severity} ${d.code}`), policy: r.policy! };
}

async function proved(source: string, env?: string) {
  const { policy } = compiled(source);
  const before = process.env["POLIS_PROOFS"];
  if (env !== undefined) process.env["POLIS_PROOFS"] = env;
  try {
    const r = await proveCheck(policy, load(policy), { queryTimeoutMs: null });
    return r.diagnostics.filter((d) => d.code.startsWith("P052") || d.code === "P0531");
  } finally {
    if (before === undefined) delete process.env["POLIS_PROOFS"];
    else process.env["POLIS_PROOFS"] = before;
  }
}

describe("a uniek table whose gap no valid case reaches", () => {
  afterAll(releaseSolver);

  it("plain input columns keep the exact check in the compiler, with the domain's case", () => {
    const r = compile(PLAIN, "t.polis");
    const gap = r.diagnostics.find((d) => d.code === "P0521");
    expect(gap?.severity).toBe("error");
    expect(gap?.message).toContain("begin 50, eind 0");
  });

  it("with a voorwaarde on a column, the compiler leaves it to the solver", () => {
    expect(compiled(VALID).codes).toEqual([]);
  });

  it("the solver proves no valid case falls in the gap", async () => {
    expect(await proved(VALID)).toEqual([]);
  });

  it("the same gap is found when the voorwaarde allows it, with a valid case", async () => {
    const source = `${HEAD}voorwaarde eind >= begin - 60\n\n${TABLE}`;
    const [gap, ...rest] = await proved(source);
    expect(rest).toEqual([]);
    expect(gap?.code).toBe("P0521");
    expect(gap?.severity).toBe("error");
    // The case is valid: begin from 50, eind below 50 and not below begin - 60.
    const [, begin, eind] = /begin (\d+), eind (\d+)/.exec(gap!.message)!.map(Number);
    expect(begin).toBeGreaterThanOrEqual(50);
    expect(eind).toBeLessThan(50);
    expect(eind).toBeGreaterThanOrEqual(begin! - 60);
  });

  it("without the solver the possible gap is a warning that says it was not checked", async () => {
    const found = await proved(VALID, "0");
    expect(found.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning P0531"]);
    expect(found[0]!.message).toContain("mogelijk een gat");
    expect(found[0]!.message).toContain("begin 50, eind 0");
    expect(found[0]!.message).toContain("POLIS_PROOFS=0");
  });
});
