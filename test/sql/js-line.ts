// The line `polis run` prints for one case, from a loaded policy module: the
// outputs, or {"fout": {code, bericht, veld, lijn}} (cli/batch-lines.ts
// errorJson). The reference the SQL tests compare each engine's lines with.
// Without a line number the fout has no `lijn` (a Parquet or database row has none).

import { PolisError } from "../../runtime/diagnostic.js";
import { errorJson } from "../../cli/batch-lines.js";

export function jsLine(module: { evaluateJson(text: string, line?: number): unknown }, text: string, line?: number): string {
  try {
    return JSON.stringify(module.evaluateJson(text, line));
  } catch (e) {
    if (!(e instanceof PolisError)) throw e;
    const d = e.diagnostic;
    const { line: _, ...rest } = d;
    return errorJson(line === undefined ? rest : { ...rest, line: d.line ?? line });
  }
}
