// `polis fmt FILES… [--check]`: rewrite policies in canonical layout, keeping
// every comment. With --check nothing is written; the exit code is 1 when a
// file is not formatted.

import fs from "node:fs";
import { formatSource } from "../compiler/format/format.js";
import { EXIT_OK, EXIT_POLICY, displayPath, findPolicies, printDiagnostics, readText, rememberSource } from "./io.js";

export function fmtCommand(files: string[], options: { check?: boolean }): number {
  let code = EXIT_OK;
  for (const f of findPolicies(files)) {
    const shown = displayPath(f);
    const text = readText(f, "polis-bestand");
    rememberSource(shown, text);
    const r = formatSource(text, shown);
    if (r.text === undefined) {
      printDiagnostics(r.diagnostics);
      code = EXIT_POLICY;
      continue;
    }
    if (r.text === text) continue;
    if (options.check) {
      process.stdout.write(`${shown}: niet opgemaakt\n`);
      code = EXIT_POLICY;
    } else {
      fs.writeFileSync(f, r.text);
      process.stdout.write(`${shown}: opgemaakt\n`);
    }
  }
  return code;
}
