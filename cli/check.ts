// `polis check FILES… [--format text|json]`: parse and type-check, then try
// each policy on a sample of generated cases to warn about rules that
// conflict. Text: diagnostics on stderr, a line per file on stdout. JSON: one
// document on stdout (docs/schemas/check.schema.json), nothing on stderr.

import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { findConflicts } from "../compiler/cases/conflicts.js";
import type { Diagnostic } from "../runtime/diagnostic.js";
import { EXIT_OK, EXIT_POLICY, findPolicies, printDiagnostics } from "./io.js";
import { compileFile } from "./compile-file.js";

export interface CheckOptions {
  format?: "text" | "json";
}

/** A diagnostic as a machine reads it: the code and its parameters, not only the Dutch text. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const { span } = d;
  const out: Record<string, unknown> = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    params: jsonSafe(d.params) as Record<string, unknown>,
    file: span?.file ?? null,
    span: span ? { start: span.start, end: span.end, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn } : null,
  };
  if (d.hint !== undefined) out["hint"] = d.hint;
  if (d.related !== undefined) out["related"] = d.related.map((r) => ({ message: r.message, file: r.span.file, span: { start: r.span.start, end: r.span.end, line: r.span.line, column: r.span.column, endLine: r.span.endLine, endColumn: r.span.endColumn } }));
  if (d.field !== undefined) out["field"] = d.field;
  if (d.line !== undefined) out["line"] = d.line;
  return out;
}

/** Parameters as plain JSON: a bigint as its digits, anything without a JSON form as its text. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return null;
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

export function checkCommand(files: string[], options: CheckOptions = {}): number {
  const json = options.format === "json";
  const paths = findPolicies(files);
  let errors = 0;
  let warnings = 0;
  const results: { file: string; ok: boolean; diagnostics: Record<string, unknown>[] }[] = [];
  for (const f of paths) {
    const r = compileFile(f);
    const policy = r.policy;
    if (policy) r.diagnostics.push(...findConflicts(policy, () => load(policy)));
    errors += r.diagnostics.filter((d) => d.severity === "error").length;
    warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
    if (json) {
      results.push({ file: r.file, ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics.map(diagnosticJson) });
      continue;
    }
    printDiagnostics(r.diagnostics);
    if (!hasErrors(r.diagnostics)) process.stdout.write(`${r.file}: in orde\n`);
  }
  if (json) process.stdout.write(JSON.stringify({ files: results, errors, warnings }, null, 2) + "\n");
  else process.stdout.write(`${paths.length} ${paths.length === 1 ? "bestand" : "bestanden"} gecontroleerd: ${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}\n`);
  return errors > 0 ? EXIT_POLICY : EXIT_OK;
}
