// Checking `eigenschap`s on generated inputs (LANGUAGE.md §8, issue #4).
// In: the IR policy and its loaded module. Out: per eigenschap, how many cases
// were tried, and for a failure the shrunk counterexample as a ready-to-paste
// `voorbeeld` block and a ready-to-run case file, with the outputs. A case
// that breaks a voorwaarde is discarded; one whose evaluation fails (a
// conflict, a missing output) fails the eigenschap, as a false `altijd` does.

import fc from "fast-check";
import { PolisError } from "../../runtime/diagnostic.js";
import { formatValueDutch } from "../../runtime/case.js";
import type { Policy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf, inputsArbitrary } from "./generators.js";

export const DEFAULT_SEED = 20120101;
export const DEFAULT_RUNS = 100;

export interface PropertyOptions {
  seed?: number;
  runs?: number;
}

export interface PropertyFailure {
  /** The shrunk counterexample, in runtime values. */
  input: Record<string, unknown>;
  /** The case file for it (LANGUAGE.md §10 encodings). */
  caseJson: string;
  /** A `voorbeeld` block that reproduces it. */
  voorbeeld: string;
  /** The outputs in Polis notation, or the evaluation error. */
  outcome: string;
}

export interface PropertyResult {
  name: string;
  passed: boolean;
  /** Cases tried (not counting discarded ones). */
  runs: number;
  discarded: number;
  /** Why cases were discarded: a voorwaarde or beperking did not hold, or an optional input this eigenschap needs was not given. */
  discardedBy: { condition: number; optional: number };
  seed: number;
  failure?: PropertyFailure;
}

export function checkProperties(policy: Policy, module: DecisionModule, options: PropertyOptions = {}): PropertyResult[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const numRuns = options.runs ?? DEFAULT_RUNS;
  const arb = inputsArbitrary(policy);
  return policy.properties.map((prop, index) => {
    const discardedBy = { condition: 0, optional: 0 };
    const discard = (e: PolisError): never => {
      if (e.diagnostic.code === "P0715") discardedBy.optional++;
      else discardedBy.condition++;
      fc.pre(false);
      throw e; // not reached: fc.pre throws
    };
    const result = fc.check(
      fc.property(arb, (values) => {
        let holds: unknown[];
        try {
          holds = module.checkProperties(values).holds;
        } catch (e) {
          // The case itself is not valid (a beperking, a voorwaarde) or the
          // decision needs an optional input it lacks: not a case to judge by.
          if (e instanceof PolisError && e.diagnostic.code.startsWith("P07")) discard(e);
          throw e;
        }
        const h = holds[index];
        if (typeof h === "boolean") return h;
        // This eigenschap alone met an error: a missing optional input discards
        // the case for it only; an evaluation error fails it.
        if (h instanceof PolisError && h.diagnostic.code === "P0715") discard(h);
        throw h;
      }),
      { seed, numRuns, maxSkipsPerRun: 100 },
    );
    const base = { name: prop.name, runs: result.numRuns, discarded: result.numSkips, discardedBy, seed };
    if (!result.failed || !result.counterexample) return { ...base, passed: !result.failed };
    const input = result.counterexample[0] as Record<string, unknown>;
    return { ...base, passed: false, failure: describeFailure(policy, module, prop.name, input) };
  });
}

function describeFailure(policy: Policy, module: DecisionModule, name: string, input: Record<string, unknown>): PropertyFailure {
  const caseObj = caseFileOf(policy.inputs, input);
  const given = policy.inputs.filter((i) => input[i.name] !== undefined).map((i) => `    ${i.name} ${formatValueDutch(input[i.name], i.desc.type)}`);
  let outcome: string;
  let expected: string[];
  let errorCode: string | undefined;
  try {
    const { outputs } = module.checkProperties(input);
    expected = policy.outputs.map((o) => `    ${o.name} ${formatValueDutch(outputs[o.name], typeDescOf(o.type))}`);
    outcome = expected.map((l) => l.trim()).join(", ");
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    outcome = `fout ${e.diagnostic.code}: ${e.diagnostic.message}`;
    errorCode = e.diagnostic.code;
    expected = [];
  }
  const voorbeeld = [
    `voorbeeld "tegenvoorbeeld: ${name.replace(/["\\]/g, "")}":`,
    "  gegeven",
    ...given,
    ...(errorCode !== undefined ? [`  verwacht fout "${errorCode}"`] : ["  verwacht", ...expected]),
  ].join("\n");
  return { input, caseJson: JSON.stringify(caseObj, null, 2), voorbeeld, outcome };
}
