// `polis test [FILES|DIRS]`: run every `voorbeeld` of every policy.
// `eigenschap`s are parsed and type-checked; generating cases for them is
// issue #4 and is reported as not yet run, never as passed.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { runExamples } from "../compiler/examples/run.js";
import { EXIT_OK, EXIT_POLICY, compileFile, findPolicies, printDiagnostics } from "./io.js";

export function testCommand(args: string[]): number {
  const files = findPolicies(args.length > 0 ? args : ["."]);
  let passed = 0;
  let failed = 0;
  let broken = 0;
  let properties = 0;
  for (const f of files) {
    const r = compileFile(f);
    printDiagnostics(r.diagnostics);
    if (hasErrors(r.diagnostics) || !r.policy) {
      broken++;
      process.stdout.write(`✗ ${r.file}: bevat fouten\n`);
      continue;
    }
    const results = runExamples(r.policy, load(r.policy));
    for (const res of results) {
      if (res.passed) passed++;
      else failed++;
      process.stdout.write(`${res.passed ? "✓" : "✗"} ${r.file}: voorbeeld "${res.name}"\n`);
      printDiagnostics(res.diagnostics);
    }
    for (const p of r.policy.properties) {
      properties++;
      process.stdout.write(`○ ${r.file}: eigenschap "${p.name}" (gecontroleerd op type; nog niet uitgevoerd)\n`);
    }
  }
  const parts = [`${passed} voorbeelden geslaagd`, `${failed} mislukt`];
  if (broken > 0) parts.push(`${broken} ${broken === 1 ? "bestand" : "bestanden"} met fouten`);
  if (properties > 0) parts.push(`${properties} eigenschappen nog niet uitgevoerd`);
  process.stdout.write(parts.join(", ") + "\n");
  return failed > 0 || broken > 0 ? EXIT_POLICY : EXIT_OK;
}
