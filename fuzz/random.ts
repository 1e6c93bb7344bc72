// `npm run fuzz`, second part: the random-policy differential of issue 12 at
// length (test/random/). The in-process module and the reference evaluator
// decide many random policies, with shrinking; every back end (the built
// library and JSONL batch included) decides a share of them. A disagreement
// is shrunk and written to test/random/regressions/ as a .polis file with
// its cases (.jsonl), which `npm test` then runs through every back end.

import {
  BACKENDS,
  compareBackends,
  inProcess,
  randomSubjects,
  reference,
  shrinkDisagreement,
  writeRegression,
  type Report,
} from "../test/random/differential.js";

export interface RandomOptions {
  policies: number;
  cases: number;
  seed: number;
}

function line(r: Report): string {
  const errors = Object.entries(r.errors).map(([c, n]) => `${c} ×${n}`).join(", ");
  return `${r.policies} policies, ${r.cases} cases, back ends ${r.backends.join(" / ")}: ${r.disagreements.length} disagreements (errors met: ${errors || "none"}; seconds ${JSON.stringify(r.seconds)})`;
}

/** Returns the number of disagreements found. */
export async function fuzzRandomPolicies(o: RandomOptions): Promise<number> {
  console.log(`random policies: ${o.policies} × ${o.cases} cases (reference, in-process), ${Math.ceil(o.policies / 10)} of them through every back end, seed ${o.seed}`);
  const fast = await compareBackends(randomSubjects(o.policies, o.cases, o.seed), [reference, inProcess]);
  console.log(`  ${line(fast)}`);
  const all = await compareBackends(randomSubjects(Math.ceil(o.policies / 10), o.cases, o.seed + 1), BACKENDS);
  console.log(`  ${line(all)}`);
  let found = fast.disagreements.length + all.disagreements.length;
  const shrunk = shrinkDisagreement(o.policies * 5, o.seed + 2);
  if (shrunk) found++;
  for (const [i, d] of [...fast.disagreements, ...all.disagreements].slice(0, 5).entries()) {
    console.log(`  disagreement: ${JSON.stringify(d.outcomes)}\n  written to ${writeRegression(`fuzz-${o.seed}-${i}`, d.source, [d.case])}`);
  }
  if (shrunk) {
    console.log(`  shrunk: reference ${JSON.stringify(shrunk.reference)}, module ${JSON.stringify(shrunk.module)}`);
    console.log(`  written to ${writeRegression(`fuzz-${o.seed}-krimp`, shrunk.source, [shrunk.case])}`);
  }
  return found;
}
