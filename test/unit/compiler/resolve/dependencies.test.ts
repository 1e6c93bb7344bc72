// The dependency graph (compiler/resolve/dependencies.ts): cycles found once
// each, in a stable order, and no recursion that a long chain could overflow.

import { describe, expect, it } from "vitest";
import { DependencyGraph, dependencyOrder, findCycles, type DependencyNode } from "../../../../compiler/resolve/dependencies.js";
import { compile } from "../../../../compiler/pipeline.js";

const b = (name: string): DependencyNode => ({ kind: "begrip", name });

describe("findCycles", () => {
  it("finds each cycle once, closed, from where the search meets it", () => {
    const g = new DependencyGraph();
    g.add(b("x"), b("y"));
    g.add(b("y"), b("x"));
    g.add(b("z"), b("x"));
    g.add(b("z"), b("z"));
    expect(findCycles(g)).toEqual([[b("x"), b("y"), b("x")], [b("z"), b("z")]]);
  });

  it("tells nodes of different kinds and an assignment's parts apart", () => {
    const g = new DependencyGraph();
    g.add({ kind: "parameter", name: "a" }, { kind: "begrip", name: "a" });
    g.add({ kind: "assignment", rule: "r", output: "o" }, { kind: "output", name: "o" });
    g.add({ kind: "output", name: "o" }, { kind: "assignment", rule: "r", output: "o" });
    expect(findCycles(g)).toEqual([[{ kind: "assignment", rule: "r", output: "o" }, { kind: "output", name: "o" }, { kind: "assignment", rule: "r", output: "o" }]]);
  });

  it("walks a chain of 100.000 nodes without overflowing the stack", () => {
    const g = new DependencyGraph();
    for (let i = 100_000; i > 0; i--) g.add(b(`b${i}`), b(`b${i - 1}`));
    g.add(b("b0"), b("b100000"));
    const cycles = findCycles(g);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_002);
  });
});

describe("dependencyOrder", () => {
  it("puts what is read before what reads it, otherwise keeps the order", () => {
    const g = new DependencyGraph();
    const p = (name: string): DependencyNode => ({ kind: "parameter", name });
    g.add(p("a"), p("c"));
    g.add(p("c"), p("b"));
    expect(dependencyOrder(["a", "b", "c", "d"], p, g)).toEqual(["b", "c", "a", "d"]);
  });
});

describe("the checker on a chain of 10.001 begrippen", () => {
  const chain = (reversed: boolean) => {
    const lines = ["begrip b0: bedrag = kosten"];
    for (let i = 1; i <= 10_001; i++) lines.push(`begrip b${i}: bedrag = b${i - 1}`);
    if (reversed) lines.reverse();
    return ['polis keten "Keten"', "", "invoer", "  kosten: bedrag", "", ...lines, "", "uitvoer", "  totaal: bedrag", "", "regel r (artikel 1):", "  totaal b10001", ""].join("\n");
  };

  it.each([false, true])("accepts it in either order (reversed: %s)", (reversed) => {
    const r = compile(chain(reversed), "keten.polis");
    expect(r.diagnostics).toEqual([]);
    expect(r.policy?.begrippen).toHaveLength(10_002);
  });

  it("reports a cycle closed at its far end once", () => {
    const src = chain(true).replace("begrip b0: bedrag = kosten", "begrip b0: bedrag = b10001");
    const ds = compile(src, "keten.polis").diagnostics;
    expect(ds.map((d) => d.code)).toEqual(["P0501"]);
    expect((ds[0]!.params as { cycle: string[] }).cycle).toHaveLength(10_003);
  });
});
