// The rule semantics of LANGUAGE.md §5 as IR data (compiler/ir/decisions.ts):
// what the data says for a small policy, and that the module printed from it
// decides exception chains, conflicts and defaults as §5 says.

import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/pipeline.js";
import { load } from "../../../compiler/emit/load.js";

const SOURCE = `polis keten "Uitzonderingen in een keten"

invoer
  a: janee
  b: janee
  c: janee

uitvoer
  x: bedrag standaard 1
  y: aantal

regel basis (artikel 1):
  indien a dan x 10,004
  anders x 20

regel midden (artikel 2) uitzondering op basis:
  indien b dan x 30

regel top (artikel 3) uitzondering op midden:
  indien c dan x 40, y 1

regel los (artikel 4):
  indien niet c en a dan y 2
`;

function compiled() {
  const r = compile(SOURCE, "keten.polis");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.policy!;
}

describe("decisions", () => {
  it("lists candidates, exception edges, default and rounding per output", () => {
    const { decisions } = compiled();
    expect(decisions.rules.map((r) => r.name)).toEqual(["basis", "midden", "top", "los"]);
    const [x, y] = decisions.outputs;
    expect(x!.name).toBe("x");
    expect(x!.candidates.map((c) => [c.rule, c.clause])).toEqual([[0, 0], [0, 1], [1, 0], [2, 0]]);
    // The anders clause applies when the earlier condition does not hold.
    expect(x!.candidates[1]!.guard.holds).toBeUndefined();
    expect(x!.candidates[1]!.guard.notHolding).toHaveLength(1);
    expect(x!.exceptions).toEqual([{ exception: 1, replaces: 0 }, { exception: 2, replaces: 1 }]);
    expect(x!.mayConflict).toBe(true);
    expect(x!.rounding).toEqual({ decimals: 2, mode: "half-away" });
    expect(x!.candidates[0]!.value).toMatchObject({ e: "round", decimals: 2 });
    expect(x!.default).toMatchObject({ e: "round" });
    // `top` is an exception to `midden`, which cannot define y: no edge for y.
    expect(y!.rules).toEqual([2, 3]);
    expect(y!.exceptions).toEqual([]);
    expect(y!.rounding).toBeUndefined();
    expect(y!.default).toBeUndefined();
  });

  it("the module printed from them decides as LANGUAGE.md §5 says", () => {
    const m = load(compiled());
    // Exceptions are judged on which rules applied: in the chain top → midden → basis only top remains.
    expect(m.evaluate({ a: true, b: true, c: true })).toMatchObject({ x: "40.00" });
    expect(m.evaluate({ a: true, b: true, c: false })).toMatchObject({ x: "30.00" });
    expect(m.evaluate({ a: true, b: false, c: false })).toMatchObject({ x: "10.00" });
    // top replaces midden only; basis and top both remain and differ: a conflict.
    expect(() => m.evaluate({ a: true, b: false, c: true })).toThrow(/basis.*top|top.*basis/);
    // No rule defines y: P0802 naming the output.
    expect(() => m.evaluate({ a: false, b: false, c: false })).toThrow(/y/);
    const e = m.explain({ a: true, b: true, c: true, });
    expect(e.text).toContain("volgens regel midden (artikel 2), vervangen door een uitzondering");
    expect(e.text).toContain("volgens regel basis (artikel 1), vervangen door een uitzondering");
    expect(e.text).not.toContain("volgens regel top (artikel 3), vervangen");
  });
});
