// Overlapping rules (LANGUAGE.md §5: "polis check warns … where rules
// overlap"). Rather than guess from the text, `polis check` tries the policy
// on a sample of generated cases (as for eigenschappen) and reports every pair
// of rules it saw define one output with different values: each such warning
// comes with a concrete case, so it is never a false alarm.
// In: the IR policy and its loaded module. Out: warnings (P0511).

import fc from "fast-check";
import { PolisError, type Diagnostic } from "../../runtime/diagnostic.js";
import type { Policy } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { diagnostic, paramsOf } from "../../runtime/messages.js";
import { caseFileOf, inputsArbitrary } from "./generators.js";

/** The conflict a case runs into (its diagnostic), if any. */
function conflictOf(module: DecisionModule, values: Record<string, unknown>): Diagnostic | undefined {
  try {
    module.decideValues(values);
  } catch (e) {
    if (e instanceof PolisError && e.diagnostic.code === "P0801") return e.diagnostic;
  }
  return undefined;
}

/** Which rules conflict on which output, without the values: read from the P0801 parameters. */
function keyOf(d: Diagnostic): string {
  const p = paramsOf(d, "P0801")!;
  return JSON.stringify([p.a, p.b, p.output]);
}

/**
 * The module may be given as a function that loads it: it is then only
 * loaded when the policy can conflict at all.
 */
export function findConflicts(
  policy: Policy,
  loadModule: DecisionModule | (() => DecisionModule),
  options: { runs?: number; seed?: number } = {},
): Diagnostic[] {
  // A conflict (P0801) needs two rules that define one output: without such
  // an output there is nothing to sample for (and a big policy is not run 200 times).
  if (policy.inputs.length === 0 || !policy.outputs.some((o) => o.rules.length >= 2)) return [];
  const module = typeof loadModule === "function" ? loadModule() : loadModule;
  const seed = options.seed ?? 20120101;
  const numRuns = options.runs ?? 200;
  const arb = inputsArbitrary(policy);
  const keys = new Set<string>();
  for (const values of fc.sample(arb, { numRuns, seed })) {
    const d = conflictOf(module, values);
    if (d) keys.add(keyOf(d));
  }
  return [...keys].map((key) => {
    // Shrink to a simple case that shows this conflict.
    const r = fc.check(fc.property(arb, (v) => { const d = conflictOf(module, v); return !d || keyOf(d) !== key; }), { seed, numRuns });
    const values = (r.counterexample?.[0] ?? {}) as Record<string, unknown>;
    const d = conflictOf(module, values)!;
    const example = caseFileOf(policy.inputs, values);
    const conflict = paramsOf(d, "P0801")!;
    return diagnostic("P0511", d.span, { ...conflict, example: JSON.stringify(example) }, d.related ? { related: d.related } : {});
  });
}
