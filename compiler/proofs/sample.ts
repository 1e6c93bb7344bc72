// The fallback of the proofs (issue 18): outputs the solver could not judge
// are tested on generated cases, as `polis check` did before proofs. Each
// problem seen comes with its case; the number of valid cases tried is
// reported, so the report can say "getest op N gevallen" and nothing more.
// In: the IR policy, its module, the outputs to test. Out: warnings P0511
// (conflict seen) and P0513 (no value seen), and the count of valid cases.

import fc from "fast-check";
import { PolisError, type Diagnostic } from "../../runtime/diagnostic.js";
import { diagnostic, paramsOf } from "../../runtime/messages.js";
import type { Policy } from "../ir/ir.js";
import type { DecisionModule } from "../emit/load.js";
import { caseFileOf, inputsArbitrary } from "../cases/generators.js";
import { voorbeeldText } from "./voorbeeld.js";

export function sampleOutputs(policy: Policy, module: DecisionModule, outputs: readonly string[], runs: number): { diagnostics: Diagnostic[]; cases: number } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let cases = 0;
  if (policy.inputs.length === 0) return { diagnostics, cases: 0 };
  for (const values of fc.sample(inputsArbitrary(policy), { numRuns: runs, seed: 20120101 })) {
    const file = caseFileOf(policy.inputs, values);
    try {
      module.evaluate(file);
      cases++;
    } catch (e) {
      if (!(e instanceof PolisError)) throw e;
      const d = e.diagnostic;
      if (d.code.startsWith("P07")) continue;
      cases++;
      const conflict = paramsOf(d, "P0801");
      const gap = paramsOf(d, "P0802");
      const output = conflict?.output ?? gap?.output;
      if (output === undefined || !outputs.includes(output)) continue;
      const key = conflict ? `c:${conflict.a}:${conflict.b}:${output}` : `g:${output}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (conflict) {
        diagnostics.push(diagnostic("P0511", d.span, { ...conflict, example: JSON.stringify(file) }, d.related ? { related: d.related } : {}));
      } else {
        const o = policy.outputs.find((x) => x.name === output)!;
        diagnostics.push(diagnostic("P0513", o.span, { output, example: voorbeeldText(policy, `geen waarde voor ${output}`, values, `fout "P0802"`) }));
      }
    }
  }
  return { diagnostics, cases };
}
