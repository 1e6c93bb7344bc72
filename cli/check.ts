// `polis check FILES…`: parse and type-check, then try each policy on a sample
// of generated cases to warn about rules that conflict; diagnostics on stderr.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { findConflicts } from "../compiler/cases/conflicts.js";
import { EXIT_OK, EXIT_POLICY, compileFile, findPolicies, printDiagnostics } from "./io.js";

export function checkCommand(files: string[]): number {
  const paths = findPolicies(files);
  let errors = 0;
  let warnings = 0;
  for (const f of paths) {
    const r = compileFile(f);
    const policy = r.policy;
    if (policy) r.diagnostics.push(...findConflicts(policy, () => load(policy)));
    printDiagnostics(r.diagnostics);
    errors += r.diagnostics.filter((d) => d.severity === "error").length;
    warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
    if (!hasErrors(r.diagnostics)) process.stdout.write(`${r.file}: in orde\n`);
  }
  process.stdout.write(`${paths.length} ${paths.length === 1 ? "bestand" : "bestanden"} gecontroleerd: ${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}\n`);
  return errors > 0 ? EXIT_POLICY : EXIT_OK;
}
