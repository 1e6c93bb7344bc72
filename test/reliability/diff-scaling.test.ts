// Finding 7 of issue 12: `polis diff` spent its time in one witness search
// per unchanged output, so its work grew with outputs × outputs (100 outputs
// 23 s, 500 over 300 s). Measured here by the number of decisions made, not
// by time (no test depends on an idle machine).

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/pipeline.js";
import { load, type DecisionModule } from "../../compiler/emit/load.js";
import { semanticDiff } from "../../compiler/diff/semantic.js";

function policy(outputs: number, changed: number): string {
  const lines = [`polis breed "Breed"`, "", "invoer", "  x: aantal", "", "uitvoer"];
  for (let i = 0; i < outputs; i++) lines.push(`  o${i}: aantal`);
  lines.push("");
  for (let i = 0; i < outputs; i++) {
    lines.push(`regel r${i} (artikel ${i + 1}):`, `  o${i} x + ${i < changed ? i + 1000 : i}`, "");
  }
  return lines.join("\n");
}

function side(source: string, counter: { n: number }) {
  const r = compile(source, "breed.polis");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const m = load(r.policy!);
  const module: DecisionModule = {
    ...m,
    decideValues: (values, line) => {
      counter.n++;
      return m.decideValues(values, line);
    },
  };
  return { policy: r.policy!, module };
}

function decisions(outputs: number, changed: number): { n: number; witnesses: number } {
  const counter = { n: 0 };
  const s = semanticDiff(side(policy(outputs, 0), counter), side(policy(outputs, changed), counter), { samples: 200, seed: 7 });
  return { n: counter.n, witnesses: s.witnesses.length };
}

describe("diff scales with the number of outputs", () => {
  it("makes about as many decisions for 80 unchanged outputs as for 8", () => {
    const small = decisions(8, 0);
    const large = decisions(80, 0);
    expect(small.witnesses).toBe(0);
    expect(large.witnesses).toBe(0);
    // One search per output made this ratio about 10.
    expect(large.n / small.n).toBeLessThan(1.5);
  });
  it("still finds a witness for a changed output among many unchanged ones", () => {
    const r = decisions(60, 1);
    expect(r.witnesses).toBe(1);
  });
});
