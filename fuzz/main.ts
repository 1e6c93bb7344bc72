// `npm run fuzz -- --runs N [--seed S] [--policies P] [--cases C] [--all A]`: the
// robustness properties of fuzz/properties.ts at length, outside CI, then the
// random-policy differential of every back end (fuzz/random/). Prints what
// was run and any counterexample; exits 1 when a property fails or two back
// ends disagree.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { compileNeverThrows, mutations, randomText, tokenSoup } from "./properties.js";
import { polisFilesIn } from "../cli/io.js";
import { fuzzRandomPolicies } from "./random/run.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const polisFiles = (dir: string): string[] => polisFilesIn(dir);

const runs = arg("--runs", 100_000);
const seed = arg("--seed", Date.now() % 2 ** 31);
const files = ["test/spec", "policies", "examples"].flatMap((d) => polisFiles(path.join(ROOT, d)));
const sources = files.map((f) => fs.readFileSync(f, "utf8"));
const arb = fc.oneof(randomText, tokenSoup, ...sources.map(mutations));

console.log(`fuzz: ${runs.toLocaleString("nl-NL")} inputs (random text, token soup, mutations of ${files.length} policies), seed ${seed}`);
const start = performance.now();
const result = fc.check(fc.property(arb, (text) => compileNeverThrows(text)), { numRuns: runs, seed });
const seconds = (performance.now() - start) / 1000;
if (result.failed) {
  console.log(`FAILED after ${result.numRuns} inputs (${seconds.toFixed(0)} s): ${String(result.errorInstance)}`);
  console.log(`counterexample: ${JSON.stringify(result.counterexample?.[0])}`);
  process.exitCode = 1;
} else {
  console.log(`ok: ${result.numRuns.toLocaleString("nl-NL")} inputs, no exception, every span valid (${seconds.toFixed(0)} s, ${Math.round(result.numRuns / seconds)} inputs/s)`);
}

const policies = arg("--policies", 300);
const disagreements = await fuzzRandomPolicies({ policies, cases: arg("--cases", 40), seed, allBackends: arg("--all", Math.ceil(policies / 10)) });
if (disagreements > 0) process.exitCode = 1;
