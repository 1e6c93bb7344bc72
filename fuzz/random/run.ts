// `npm run fuzz`, second part: the random-policy differential of issue 12 at
// length (fuzz/random/). The in-process module and the reference evaluator
// decide many random policies, with shrinking; every back end (the built
// library, JSONL batch and the DuckDB SQL back end included) decides a share
// of them: random policies of the whole generator (the SQL back end refuses
// many, counted per construct) and core policies (the constructs the SQL
// back end compiles). A disagreement is shrunk and written to
// test/random/regressions/ as a .polis file with its cases (.jsonl), which
// `npm test` then runs through every back end.

import {
  BACKENDS,
  compareBackends,
  inProcess,
  randomSubjects,
  reference,
  shrinkAgainst,
  shrinkDisagreement,
  writeRegression,
  withoutMessage,
  type Report,
} from "./differential.js";

export interface RandomOptions {
  policies: number;
  cases: number;
  seed: number;
  /** Policies through every back end, per kind (whole generator, core); default policies / 10. */
  allBackends?: number;
}

export function reportLine(r: Report): string {
  const errors = Object.entries(r.errors).map(([c, n]) => `${c} ×${n}`).join(", ");
  const refused = Object.entries(r.refused).map(([b, per]) => `${b}: ${Object.entries(per).sort((a, z) => z[1] - a[1]).map(([c, n]) => `${c} ×${n}`).join(", ")}`).join("; ");
  return [
    `${r.policies} policies, ${r.cases} cases, back ends ${r.backends.join(" / ")}: ${r.disagreements.length} disagreements, ${r.wrongRefusals.length} wrong refusals`,
    `    cases decided: ${JSON.stringify(r.decided)}; errors met: ${errors || "none"}`,
    `    policies refused (first construct met): ${refused || "none"}`,
    `    seconds ${JSON.stringify(r.seconds)}`,
  ].join("\n");
}

/** Returns the number of failures found (disagreements and wrong refusals). */
export async function fuzzRandomPolicies(o: RandomOptions): Promise<number> {
  const share = o.allBackends ?? Math.ceil(o.policies / 10);
  console.log(`random policies: ${o.policies} × ${o.cases} cases (reference, in-process), ${share} + ${share} core of them through every back end, seed ${o.seed}`);
  const fast = await compareBackends(randomSubjects(o.policies, o.cases, o.seed), [reference, inProcess]);
  console.log(`  ${reportLine(fast)}`);
  const all = await compareBackends([...randomSubjects(share, o.cases, o.seed + 1), ...randomSubjects(share, o.cases, o.seed + 3, { core: true })], BACKENDS);
  console.log(`  ${reportLine(all)}`);
  let found = fast.disagreements.length + all.disagreements.length + all.wrongRefusals.length;
  for (const w of all.wrongRefusals) console.log(`  wrong refusal by ${w.backend} (${w.construct}):\n${w.source}`);
  const shrunk = shrinkDisagreement(o.policies * 5, o.seed + 2);
  if (shrunk) found++;
  for (const [i, d] of [...fast.disagreements, ...all.disagreements].slice(0, 5).entries()) {
    console.log(`  disagreement: ${JSON.stringify(d.outcomes)}`);
    const ref = d.outcomes[reference.name]!;
    const culprit = BACKENDS.find((b) => b !== reference && d.outcomes[b.name] && withoutMessage(d.outcomes[b.name]!) !== withoutMessage(ref)) ?? inProcess;
    const source = await shrinkAgainst(culprit, d.source, d.case);
    console.log(`  shrunk against ${culprit.name}, written to ${writeRegression(`fuzz-${o.seed}-${i}`, source, [d.case])}`);
  }
  if (shrunk) {
    console.log(`  shrunk: reference ${JSON.stringify(shrunk.reference)}, module ${JSON.stringify(shrunk.module)}`);
    console.log(`  written to ${writeRegression(`fuzz-${o.seed}-krimp`, shrunk.source, [shrunk.case])}`);
  }
  return found;
}
