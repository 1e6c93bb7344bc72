// `polis test [FILES|DIRS] [--seed N] [--runs N]`: run every `voorbeeld` of
// every policy, and check every `eigenschap` on generated inputs. A failing
// eigenschap prints its shrunk counterexample as a `voorbeeld` block and as a
// case file, with the outputs and the seed to repeat the run.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { runExamples } from "../compiler/cases/examples.js";
import { quote } from "../compiler/format/print.js";
import { checkProperties, DEFAULT_RUNS, DEFAULT_SEED } from "../compiler/cases/properties.js";
import { EXIT_OK, EXIT_POLICY, compileFile, findPolicies, printDiagnostics } from "./io.js";

export interface TestOptions {
  seed?: number;
  runs?: number;
}

export function testCommand(args: string[], options: TestOptions = {}): number {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const files = findPolicies(args.length > 0 ? args : ["."]);
  let passed = 0;
  let failed = 0;
  let broken = 0;
  let propsPassed = 0;
  let propsFailed = 0;
  for (const f of files) {
    const r = compileFile(f);
    printDiagnostics(r.diagnostics);
    if (hasErrors(r.diagnostics) || !r.policy) {
      broken++;
      process.stdout.write(`✗ ${r.file}: bevat fouten\n`);
      continue;
    }
    const module = load(r.policy);
    const results = runExamples(r.policy, module);
    for (const res of results) {
      if (res.passed) passed++;
      else failed++;
      process.stdout.write(`${res.passed ? "✓" : "✗"} ${r.file}: voorbeeld ${quote(res.name)}\n`);
      printDiagnostics(res.diagnostics);
    }
    for (const p of checkProperties(r.policy, module, { seed, runs })) {
      const reasons = [
        p.discardedBy.condition > 0 ? `${p.discardedBy.condition} omdat een voorwaarde of beperking niet gold` : "",
        p.discardedBy.optional > 0 ? `${p.discardedBy.optional} omdat een benodigde optionele invoer ontbrak` : "",
      ].filter((x) => x !== "");
      const tried = `${p.runs} ${p.runs === 1 ? "geval" : "gevallen"}${p.discarded > 0 ? `; ${p.discarded} gegenereerde gevallen overgeslagen${p.passed && reasons.length > 0 ? `: ${reasons.join(", ")}` : ""}` : ""}`;
      if (p.passed) {
        propsPassed++;
        process.stdout.write(`✓ ${r.file}: eigenschap ${quote(p.name)} (${tried})\n`);
        continue;
      }
      propsFailed++;
      process.stdout.write(`✗ ${r.file}: eigenschap ${quote(p.name)} geldt niet (${tried}, seed ${p.seed})\n`);
      if (p.failure) {
        process.stdout.write(`  uitkomst: ${p.failure.outcome}\n`);
        process.stdout.write(`  als voorbeeld:\n${indent(p.failure.voorbeeld, "    ")}\n`);
        process.stdout.write(`  als case-bestand:\n${indent(p.failure.caseJson, "    ")}\n`);
      }
      process.stdout.write(`  herhaal met: polis test ${r.file} --seed ${p.seed} --runs ${runs}\n`);
    }
  }
  const parts = [`${passed} voorbeelden geslaagd`, `${failed} mislukt`];
  if (broken > 0) parts.push(`${broken} ${broken === 1 ? "bestand" : "bestanden"} met fouten`);
  if (propsPassed + propsFailed > 0) parts.push(`${propsPassed} ${propsPassed === 1 ? "eigenschap geldt" : "eigenschappen gelden"}`, `${propsFailed} niet`);
  process.stdout.write(parts.join(", ") + ` (seed ${seed})\n`);
  return failed > 0 || broken > 0 || propsFailed > 0 ? EXIT_POLICY : EXIT_OK;
}

function indent(text: string, prefix: string): string {
  return text.split("\n").map((l) => prefix + l).join("\n");
}
